import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { ClaimList } from './ClaimList';
import { PanelHeader } from './PanelHeader';
import { UndoBar } from './UndoBar';
import { panelClaims } from './panel-store';
import { usePanel } from './use-panel';

export function App({ footer }: { footer?: ComponentChildren }) {
  const page = usePanel((s) => s.page);
  const stored = usePanel((s) => s.stored);
  const pageError = usePanel((s) => s.pageError);
  const claims = useMemo(() => panelClaims({ page, stored }), [page, stored]);
  return (
    <main class="panel" aria-label="Claimlens">
      <PanelHeader claims={claims} />
      {pageError && <EmptyState title="Nothing to check here" text={pageError} />}
      {!pageError && !page && <EmptyState title="Reading the page…" text="" />}
      {page?.phase === 'finding' && claims.length === 0 && <EmptyState title="Finding claims…" text="" />}
      {page?.phase === 'no-article' && (
        <EmptyState
          title="No article on this page"
          text="Claimlens looks for the body of a news article. This page does not seem to have one."
        />
      )}
      {page?.phase === 'ready' && claims.length === 0 && (
        <EmptyState
          title="No claims found"
          text="Nothing on this page looks check-worthy: no quotes, figures or attributed statements."
        />
      )}
      {claims.length > 0 && <ClaimList claims={claims} />}
      <UndoBar />
      {footer && <footer class="panel-footer">{footer}</footer>}
    </main>
  );
}

function EmptyState({ title, text }: { title: string; text: string }) {
  return (
    <section class="empty" aria-live="polite">
      <h2>{title}</h2>
      {text && <p>{text}</p>}
    </section>
  );
}
