import { CLAIM_STATUSES } from '../storage/types';
import { ExportButton } from './ExportButton';
import type { PanelClaim } from './panel-store';
import { usePanel } from './use-panel';

export function PanelHeader({ claims }: { claims: PanelClaim[] }) {
  const page = usePanel((s) => s.page);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, claims.filter((c) => c.status === s).length]));
  return (
    <header class="panel-header">
      <h1 class="page-title" title={page?.page.url}>
        {page?.page.title ?? 'Claimlens'}
      </h1>
      {page && <p class="site">{page.page.site}</p>}
      {page && claims.length > 0 && (
        <p class="counts" aria-label="Claims per status">
          {CLAIM_STATUSES.map((status) => (
            <span key={status} class={`count status-${status}`}>
              {counts[status]} {status}
            </span>
          ))}
        </p>
      )}
      <ExportButton />
    </header>
  );
}
