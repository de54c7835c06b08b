import { useRef } from 'preact/hooks';
import { downloadText } from './download';
import { NoticeLine } from './NoticeLine';
import { usePanel } from '../store/use-panel';

/** "Back up" saves everything as one JSON file; "Import" merges one back (newer changes win), showing its progress. */
export function BackupControls() {
  const notice = usePanel((s) => s.transferNotice);
  const backUp = usePanel((s) => s.backUp);
  const importFile = usePanel((s) => s.importFile);
  const input = useRef<HTMLInputElement>(null);
  const busy = notice?.kind === 'busy';
  return (
    <section class="backup" aria-label="Backup">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          const now = new Date();
          const text = await backUp(now);
          if (text !== null)
            downloadText(text, `claimlens-backup-${now.toISOString().slice(0, 10)}.json`, 'application/json');
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
      <NoticeLine notice={notice} progressLabel="Claims imported" />
    </section>
  );
}
