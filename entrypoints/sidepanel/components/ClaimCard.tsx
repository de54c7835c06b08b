import { memo } from 'preact/compat';
import { reasonsOf } from '@/lib/claims/types';
import type { PanelClaim } from '../store/panel-store';
import { ClaimEditor } from './ClaimEditor';
import { usePanel } from '../store/use-panel';

interface Props {
  claim: PanelClaim;
  /** The row Tab lands on in the list (the selected one, else the first): one tab stop for the whole list. */
  tabbable: boolean;
}

const CONTROLS = 'button, a, input, textarea, select, label';

/**
 * One claim of the list: a compact row (the quote clamped to two lines, its status and reasons) that opens in place
 * into the editor when selected. Only one claim is open at a time, so a page's claims fit on a screen or two.
 */
function ClaimCardView({ claim, tabbable }: Props) {
  const save = usePanel((s) => s.saves[claim.id]);
  const selected = usePanel((s) => s.selectedId === claim.id);
  // One selector per action (stable references): a card must not re-render for every change anywhere in the store.
  const show = usePanel((s) => s.show);
  const select = usePanel((s) => s.select);
  const reasons = reasonsOf(claim);
  return (
    <li
      class={`claim status-${claim.status}${selected ? ' selected' : ''}`}
      data-claim-id={claim.id}
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onFocusIn={() => select(claim.id)}
      onClick={(event) => {
        const target = event.target as Element;
        // The controls do their own thing; a drag that selects the quote's text to copy it shows nothing.
        if (target.closest(CONTROLS) || document.getSelection()?.isCollapsed === false) return;
        select(claim.id);
        // The quote leads to its highlight on the page.
        if (claim.anchored && target.closest('.quote')) void show(claim.id);
      }}
    >
      <blockquote
        class={`quote${claim.anchored ? ' clickable' : ''}`}
        title={claim.anchored ? 'Show on page' : undefined}
      >
        {claim.exact}
      </blockquote>
      <p class="meta">
        <span class={`badge status-${claim.status}`}>{claim.status}</span>
        {reasons.map((reason) => (
          <span key={reason} class={`badge cue cue-${reason.replace(/\W+/g, '-')}`}>
            {reason}
          </span>
        ))}
        {!selected && claim.note && <span class="has">note</span>}
        {!selected && claim.evidence.length > 0 && (
          <span class="has">
            {claim.evidence.length} {claim.evidence.length === 1 ? 'link' : 'links'}
          </span>
        )}
        {/* The reader's own marks say so in the row too; "found automatically" only once opened. */}
        {(claim.origin === 'manual' || selected) && (
          <span class="origin">{claim.origin === 'manual' ? 'marked by you' : 'found automatically'}</span>
        )}
      </p>
      {selected && <ClaimEditor claim={claim} />}
      {/* A failed save stays in sight when the claim closes: nothing the reader did may vanish silently. */}
      {(selected || save?.kind === 'error') && (
        <p class={`save-state${save?.kind === 'error' ? ' error' : ''}`} role="status">
          {save?.message ?? ''}
        </p>
      )}
    </li>
  );
}

/** Cards re-render only when their own claim changed (the list is rebuilt on every stored change). */
const sameCard = (a: Props, b: Props) =>
  a.tabbable === b.tabbable &&
  a.claim.id === b.claim.id &&
  a.claim.status === b.claim.status &&
  a.claim.note === b.claim.note &&
  a.claim.evidence === b.claim.evidence &&
  a.claim.anchored === b.claim.anchored &&
  a.claim.stored === b.claim.stored &&
  a.claim.exact === b.claim.exact &&
  a.claim.cues === b.claim.cues &&
  a.claim.origin === b.claim.origin;

export const ClaimCard = memo(ClaimCardView, sameCard);
