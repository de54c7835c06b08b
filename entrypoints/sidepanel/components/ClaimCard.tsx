import { memo } from 'preact/compat';
import { reasonsOf } from '@/lib/claims/types';
import type { PanelClaim } from '../store/panel-store';
import { EvidenceList } from './EvidenceList';
import { NoteField } from './NoteField';
import { StatusButtons } from './StatusButtons';
import { usePanel } from '../store/use-panel';

function ClaimCardView({ claim }: { claim: PanelClaim }) {
  const save = usePanel((s) => s.saves[claim.id]);
  const selected = usePanel((s) => s.selectedId === claim.id);
  // One selector per action (stable references): a card must not re-render for every change anywhere in the store.
  const setStatus = usePanel((s) => s.setStatus);
  const editNote = usePanel((s) => s.editNote);
  const flushNotes = usePanel((s) => s.flushNotes);
  const noteDraft = usePanel((s) => s.noteDrafts[claim.id]);
  const show = usePanel((s) => s.show);
  const dismiss = usePanel((s) => s.dismiss);
  const remove = usePanel((s) => s.remove);
  const select = usePanel((s) => s.select);
  return (
    <li
      class={`claim status-${claim.status}${selected ? ' selected' : ''}`}
      data-claim-id={claim.id}
      aria-current={selected ? 'true' : undefined}
      tabIndex={-1}
      onFocusIn={() => select(claim.id)}
    >
      <blockquote
        class={`quote${claim.anchored ? ' clickable' : ''}`}
        title={claim.anchored ? 'Show on page' : undefined}
        onClick={() => {
          // A click shows the claim on the page; a drag that selects the quote's text to copy it does not.
          if (claim.anchored && document.getSelection()?.isCollapsed !== false) void show(claim.id);
        }}
      >
        {claim.exact}
      </blockquote>
      <p class="meta">
        <span class={`badge status-${claim.status}`}>{claim.status}</span>
        {reasonsOf(claim).map((reason) => (
          <span key={reason} class={`badge cue cue-${reason.replace(/\W+/g, '-')}`}>
            {reason}
          </span>
        ))}
        <span class="origin">{claim.origin === 'manual' ? 'marked by you' : 'found automatically'}</span>
      </p>
      <div class="actions">
        <StatusButtons status={claim.status} onChange={(status) => void setStatus(claim.id, status)} />
        {claim.anchored && (
          <button type="button" class="show" onClick={() => void show(claim.id)}>
            Show on page
          </button>
        )}
        {claim.stored ? (
          <button type="button" class="quiet" onClick={() => void remove(claim.id)}>
            Delete
          </button>
        ) : (
          <button type="button" class="quiet" onClick={() => void dismiss(claim.id)}>
            Not a claim
          </button>
        )}
      </div>
      <NoteField
        value={claim.note}
        draft={noteDraft}
        onInput={(note) => editNote(claim.id, note)}
        onFlush={() => void flushNotes(claim.id)}
      />
      <EvidenceList claimId={claim.id} evidence={claim.evidence} />
      <p class={`save-state${save?.kind === 'error' ? ' error' : ''}`} role="status">
        {save?.message ?? ''}
      </p>
    </li>
  );
}

/** Cards re-render only when their own claim changed (the list is rebuilt on every stored change). */
const sameClaim = (a: { claim: PanelClaim }, b: { claim: PanelClaim }) =>
  a.claim.id === b.claim.id &&
  a.claim.status === b.claim.status &&
  a.claim.note === b.claim.note &&
  a.claim.evidence === b.claim.evidence &&
  a.claim.anchored === b.claim.anchored &&
  a.claim.stored === b.claim.stored &&
  a.claim.exact === b.claim.exact &&
  a.claim.cues === b.claim.cues &&
  a.claim.origin === b.claim.origin;

export const ClaimCard = memo(ClaimCardView, sameClaim);
