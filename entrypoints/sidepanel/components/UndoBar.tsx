import { usePanel } from '../store/use-panel';

/** Destructive actions happen at once and can be taken back here until the next one. */
export function UndoBar() {
  const undo = usePanel((s) => s.undo);
  const runUndo = usePanel((s) => s.runUndo);
  if (!undo) return null;
  return (
    <div class="undo-bar" role="status">
      <span>{undo.message}</span>
      <button type="button" onClick={() => void runUndo()}>
        Undo
      </button>
    </div>
  );
}
