import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ClaimList } from './ClaimList';
import { visibleClaims } from './claim-view';
import { FilterBar } from './FilterBar';
import { KeyboardHelp } from './KeyboardHelp';
import { PanelHeader } from './PanelHeader';
import { panelClaims } from './panel-store';
import { UndoBar } from './UndoBar';
import { useKeyboard } from './use-keyboard';
import { usePanel } from './use-panel';

export function App({ footer }: { footer?: ComponentChildren }) {
  const state = usePanel((s) => s);
  const { page, stored, pageError, filter, query } = state;
  const claims = useMemo(() => panelClaims({ page, stored }), [page, stored]);
  const visible = useMemo(() => visibleClaims(claims, filter, query), [claims, filter, query]);
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useMemo(() => ({ open: helpOpen, toggle: () => setHelpOpen((open) => !open) }), [helpOpen]);
  useKeyboard(state, visible, help);
  return (
    <main class="panel" aria-label="Claimlens">
      <PanelHeader claims={claims} />
      {claims.length > 0 && <FilterBar />}
      {pageError && <EmptyState title="Nothing to check here" text={pageError} />}
      {!pageError && !page && <EmptyState title="Reading the page…" text="" />}
      {page?.phase === 'finding' && claims.length === 0 && <EmptyState title="Finding claims…" text="" />}
      {page?.phase === 'no-article' && (
        <EmptyState
          title="No article on this page"
          text="Claimlens looks for the body of a news article and found none here. You can still select any text and choose “Mark as claim”."
        />
      )}
      {page?.phase === 'ready' && claims.length === 0 && (
        <EmptyState
          title="No claims found"
          text="Nothing on this page looks check-worthy: no quotes, figures or attributed statements. Select any text and choose “Mark as claim” to add one."
        />
      )}
      {claims.length > 0 && visible.length === 0 && (
        <EmptyState title="No claims match" text="Change the filter or the search to see the other claims." />
      )}
      {visible.length > 0 && <ClaimList claims={visible} />}
      <UndoBar />
      <p class="hint keys-hint">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
      {footer && <footer class="panel-footer">{footer}</footer>}
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
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
