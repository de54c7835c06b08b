import { useEffect, useRef, useState } from 'preact/hooks';
import { ClaimCard } from './ClaimCard';
import type { PanelClaim } from '../store/panel-store';
import { usePanel } from '../store/use-panel';

/** Cards in the first frame; later batches are sized to take about TASK_MS each, so no task blocks the panel. */
const FIRST_CARDS = 40;
const TASK_MS = 30;

/** How many of `total` cards to render now; grows in time-boxed steps until all are there. */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(Math.min(total, FIRST_CARDS));
  const [mountedAt] = useState(() => performance.now());
  const batch = useRef({ size: FIRST_CARDS, started: mountedAt });
  useEffect(() => {
    // The render that just committed took this long for `size` cards: aim the next batch at TASK_MS.
    const took = Math.max(1, performance.now() - batch.current.started);
    const size = Math.max(5, Math.min(400, Math.round((batch.current.size * TASK_MS) / took)));
    if (count >= total) return;
    const timer = setTimeout(() => {
      batch.current = { size, started: performance.now() };
      setCount((n) => Math.min(total, n + size));
    }, 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}

export function ClaimList({ claims }: { claims: PanelClaim[] }) {
  const onPage = claims.filter((c) => c.anchored);
  const orphans = claims.filter((c) => !c.anchored);
  const shown = useProgressiveCount(onPage.length);
  const selectedId = usePanel((s) => s.selectedId);
  // One tab stop for the list (the selected claim, else the first); j/k and the arrows move between claims.
  const tabStop = claims.some((c) => c.id === selectedId) ? selectedId : (onPage[0] ?? orphans[0])?.id;
  return (
    <>
      <ul class="claims" aria-label="Claims" aria-busy={shown < onPage.length ? 'true' : undefined}>
        {onPage.slice(0, shown).map((claim) => (
          <ClaimCard key={claim.id} claim={claim} tabbable={claim.id === tabStop} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">No longer on the page</h2>
          <p class="hint">The page changed and these quotes could not be found again. They stay saved.</p>
          <ul class="claims" aria-label="Claims no longer on the page">
            {orphans.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} tabbable={claim.id === tabStop} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
