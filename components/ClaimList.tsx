import { ClaimCard } from './ClaimCard';
import type { PanelClaim } from './panel-store';

export function ClaimList({ claims }: { claims: PanelClaim[] }) {
  const onPage = claims.filter((c) => c.anchored);
  const orphans = claims.filter((c) => !c.anchored);
  return (
    <>
      <ul class="claims" aria-label="Claims">
        {onPage.map((claim) => (
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
