import { useContext, useRef } from 'preact/hooks';
import { createContext } from 'preact';
import { useStore } from 'zustand';
import { downloadText } from './download';
import type { createTransferStore } from './transfer-store';

export const TransferStoreContext = createContext<ReturnType<typeof createTransferStore> | null>(null);

/** "Back up" saves everything as one JSON file; "Import" merges one back (newer changes win). */
export function BackupControls() {
  const store = useContext(TransferStoreContext);
  if (!store) throw new Error('BackupControls needs a TransferStoreContext provider');
  const { state, backUp, importFile } = useStore(store);
  const input = useRef<HTMLInputElement>(null);
  const busy = state.kind === 'busy';
  return (
    <section class="backup" aria-label="Backup">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          const now = new Date();
          const text = await backUp(now);
          if (text !== null) downloadText(text, `claimlens-backup-${now.toISOString().slice(0, 10)}.json`, 'application/json');
        }}
      >
        Back up
      </button>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Backup file to import"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {state.kind !== 'idle' && (
        <p class={state.kind === 'error' ? 'error' : 'hint'} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
    </section>
  );
}
