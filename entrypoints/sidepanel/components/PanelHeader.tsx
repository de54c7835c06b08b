import { CLAIM_STATUSES } from '@/lib/model';
import { ExportStatus, PageExportButtons } from './ExportControls';
import type { PanelClaim } from '../store/panel-store';
import { usePanel } from '../store/use-panel';

export function PanelHeader({ claims, visible }: { claims: PanelClaim[]; visible: PanelClaim[] }) {
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
      <PageExportButtons visibleIds={visible.map((c) => c.id)} filtered={visible.length !== claims.length} />
      <ExportStatus />
    </header>
  );
}
