// The panel's backup import, in a module worker: parsing and checking a file of 100 MB or more takes seconds
// (37 s for a million claims), which on the panel's thread froze it; the writes are made from here too, so the claims
// never cross back to the panel. Messages: ImportRequest in; ImportMessage out, steps then one outcome.
import { ClaimlensDb } from '@/storage/db';
import { importBackupFile } from '@/storage/import-file';
import type { ImportMessage, ImportRequest } from './import-in-worker';

const post = (message: ImportMessage) => self.postMessage(message);

self.onmessage = async ({ data }: MessageEvent<ImportRequest>) => {
  const db = new ClaimlensDb(data.dbName);
  try {
    post({ type: 'step', step: { step: 'reading' } });
    const bytes = new Uint8Array(await data.file.arrayBuffer());
    const outcome = await importBackupFile(db, bytes, { onStep: (step) => post({ type: 'step', step }) });
    post({ type: 'outcome', outcome });
  } catch (error) {
    post({
      type: 'outcome',
      outcome: { kind: 'failed', error: error instanceof Error ? error.message : String(error), done: 0, total: 0 },
    });
  } finally {
    db.close();
  }
};
