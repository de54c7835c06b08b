import type { PanelClaim } from '../store/panel-store';
import { EvidenceList } from './EvidenceList';
import { NoteField } from './NoteField';
import { StatusButtons } from './StatusButtons';
import { usePanel } from '../store/use-panel';

/** The open claim's controls: its verdict, where it is, a note and evidence. Only the selected claim shows them. */
export function ClaimEditor({ claim }: { claim: PanelClaim }) {
  const setStatus = usePanel((s) => s.setStatus);
  const editNote = usePanel((s) => s.editNote);
  const flushNotes = usePanel((s) => s.flushNotes);
  const noteDraft = usePanel((s) => s.noteDrafts[claim.id]);
  const show = usePanel((s) => s.show);
  const dismiss = usePanel((s) => s.dismiss);
  const remove = usePanel((s) => s.remove);
  return (
    <div class="editor">
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
    </div>
  );
}
