import { useMemo, useState } from 'preact/hooks';
import { isScoringLanguage } from '@/lib/claims/language';
import { siteOf } from '@/lib/url/normalize-url';
import { ClaimList } from './ClaimList';
import { visibleClaims } from '../store/claim-view';
import { FilterBar } from './FilterBar';
import { FirstRunHint } from './FirstRunHint';
import { KeyboardHelp } from './KeyboardHelp';
import { PanelHeader } from './PanelHeader';
import { PageVerdict } from './PageVerdict';
import { panelClaims } from '../store/panel-store';
import { UndoBar } from './UndoBar';
import { useKeyboard } from './use-keyboard';
import { usePanel } from '../store/use-panel';

const MARK_HINT = 'Select any text on the page and choose “Mark as claim” (or press Alt+Shift+C) to add one.';

/** The claims of the page in the followed tab, with every state explained. */
export function PageView() {
  const state = usePanel((s) => s);
  const { page, stored, pageNotice, filter, query } = state;
  const order = state.settings.claimOrder;
  const claims = useMemo(() => panelClaims({ page, stored }), [page, stored]);
  const visible = useMemo(() => visibleClaims(claims, filter, query, order), [claims, filter, query, order]);
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useMemo(() => ({ open: helpOpen, toggle: () => setHelpOpen((open) => !open) }), [helpOpen]);
  useKeyboard(state, visible, help);
  const site = page ? siteOf(page.page.url) : '';
  return (
    <>
      <PanelHeader claims={claims} visible={visible} />
      <PageVerdict />
      {page && page.finding === 'on' && !isScoringLanguage(page.page.lang) && (
        <p class="hint language-note">
          Check-worthiness scoring is English-only. On this page ({page.page.lang}) only quotes and figures are
          suggested; mark other claims by hand.
        </p>
      )}
      <FirstRunHint />
      {claims.length > 0 && <FilterBar />}
      {pageNotice && <EmptyState title="Nothing to check here" text={pageNotice.message} />}
      {!pageNotice && !page && <EmptyState title="Reading the page…" text="" />}
      {page?.phase === 'finding' && claims.length === 0 && <EmptyState title="Finding claims…" text="" />}
      {page?.phase === 'ready' && claims.length === 0 && page.finding === 'off' && (
        <EmptyState title="Automatic finding is off" text={MARK_HINT}>
          <button type="button" onClick={() => void state.changeSettings({ autoFind: true })}>
            Turn automatic finding on
          </button>
        </EmptyState>
      )}
      {page?.phase === 'ready' && claims.length === 0 && page.finding === 'off-for-site' && (
        <EmptyState title={`Finding is off for ${site}`} text={MARK_HINT}>
          <button type="button" onClick={() => void state.setFindingOnSite(site, true)}>
            Find claims on {site}
          </button>
        </EmptyState>
      )}
      {page?.phase === 'no-article' && (
        <EmptyState
          title="No article on this page"
          text={`Claimlens looks for the body of a news article and found none here. ${MARK_HINT}`}
        />
      )}
      {page?.phase === 'ready' && claims.length === 0 && page.finding === 'on' && (
        <EmptyState
          title="No claims found"
          text={`Nothing on this page looks check-worthy: no quotes, figures or attributed statements. ${MARK_HINT}`}
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
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
    </>
  );
}

function EmptyState({ title, text, children }: { title: string; text: string; children?: preact.ComponentChildren }) {
  return (
    <section class="empty" aria-live="polite">
      <h2>{title}</h2>
      {text && <p>{text}</p>}
      {children}
    </section>
  );
}
