import { useRef } from 'preact/hooks';
import { downloadText } from './download';
import { usePanel } from '../store/use-panel';

/** "Back up" saves everything as one JSON file; "Import" merges one back (newer changes win), showing its progress. */
export function BackupControls() {
  const transfer = usePanel((s) => s.transfer);
  const backUp = usePanel((s) => s.backUp);
  const importFile = usePanel((s) => s.importFile);
  const input = useRef<HTMLInputElement>(null);
  const busy = transfer.kind === 'busy';
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
      {transfer.kind !== 'idle' && (
        // A polite live region: "Importing… 40,000 of 100,000 claims" is read out as each chunk lands.
        <p class={transfer.kind === 'error' ? 'error' : 'hint'} role={transfer.kind === 'error' ? 'alert' : 'status'}>
          {transfer.message}
        </p>
      )}
      {transfer.kind === 'busy' && transfer.total !== undefined && (
        <progress max={Math.max(transfer.total, 1)} value={transfer.done} aria-label="Claims imported" />
      )}
    </section>
  );
}
