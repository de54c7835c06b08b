import { CLAIM_STATUSES } from '@/lib/model';
import { nextUnreviewed } from '../store/claim-view';
import { focusClaim } from './use-keyboard';
import { ExportStatus, PageExportButtons } from './ExportControls';
import type { PanelClaim } from '../store/panel-store';
import { usePanel } from '../store/use-panel';

export function PanelHeader({ claims, visible }: { claims: PanelClaim[]; visible: PanelClaim[] }) {
  const page = usePanel((s) => s.page);
  const filter = usePanel((s) => s.filter);
  const setFilter = usePanel((s) => s.setFilter);
  const selectedId = usePanel((s) => s.selectedId);
  const select = usePanel((s) => s.select);
  const next = nextUnreviewed(visible, selectedId);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, claims.filter((c) => c.status === s).length]));
  return (
    <header class="panel-header">
      <h1 class="page-title" title={page?.page.url}>
        {page?.page.title ?? 'Claimlens'}
      </h1>
      <div class="site-line">
        {page && <p class="site">{page.page.site}</p>}
        <PageExportButtons visibleIds={visible.map((c) => c.id)} filtered={visible.length !== claims.length} />
      </div>
      {page && claims.length > 0 && (
        <p class="counts" role="group" aria-label="Claims per status (show only one status)">
          {CLAIM_STATUSES.map((status) => (
            <button
              key={status}
              id={`filter-${status}`}
              type="button"
              class={`count status-${status}`}
              aria-pressed={filter === status ? 'true' : 'false'}
              onClick={() => setFilter(filter === status ? 'all' : status)}
            >
              {counts[status]} {status}
            </button>
          ))}
          {/* "Next" on screen to keep the header on one line; its name says which. */}
          <button
            type="button"
            class="next-unreviewed"
            aria-label="Next unreviewed"
            disabled={!next}
            title="Next claim still waiting for a verdict (g)"
            onClick={() => {
              if (!next) return;
              select(next);
              focusClaim(next);
            }}
          >
            Next <span aria-hidden="true">↓</span>
          </button>
        </p>
      )}
      <ExportStatus />
    </header>
  );
}
