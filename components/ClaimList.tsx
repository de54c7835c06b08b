import { useEffect, useState } from 'preact/hooks';
import { ClaimCard } from './ClaimCard';
import type { PanelClaim } from './panel-store';

/** Cards rendered in the first frame, then per following task: a 1,000-claim page shows at once and never blocks. */
const FIRST_CARDS = 40;
const MORE_CARDS = 120;

/** How many of `total` cards to render now; grows in steps until all are there. */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(Math.min(total, FIRST_CARDS));
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setCount((n) => Math.min(total, n + MORE_CARDS)), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}

export function ClaimList({ claims }: { claims: PanelClaim[] }) {
  const onPage = claims.filter((c) => c.anchored);
  const orphans = claims.filter((c) => !c.anchored);
  const shown = useProgressiveCount(onPage.length);
  return (
    <>
      <ul class="claims" aria-label="Claims" aria-busy={shown < onPage.length ? 'true' : undefined}>
        {onPage.slice(0, shown).map((claim) => (
          <ClaimCard key={claim.id} claim={claim} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">No longer on the page</h2>
          <p class="hint">The page changed and these quotes could not be found again. They stay saved.</p>
          <ul class="claims" aria-label="Claims no longer on the page">
            {orphans.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
