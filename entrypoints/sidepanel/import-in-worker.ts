import type { ClaimlensDb } from '@/storage/db';
import type { BackupImporter, ImportOutcome, ImportStep } from '@/storage/import-file';

export interface ImportRequest {
  file: Blob;
  dbName: string;
}

export type ImportMessage = { type: 'step'; step: ImportStep } | { type: 'outcome'; outcome: ImportOutcome };

/**
 * Imports a backup file in a module worker (import-worker.ts), which opens the same database by name; the panel only
 * hears the steps and the outcome. Where the worker cannot start, the import runs on this thread instead.
 */
/** Where no worker starts: the import on this thread, loaded only then (zod and the parser stay out of the panel). */
const importInPlace: BackupImporter = async (db, file, onStep) =>
  (await import('@/storage/import-file')).importInPlace(db, file, onStep);

export const importInWorker: BackupImporter = (db: ClaimlensDb, file: Blob, onStep: (step: ImportStep) => void) =>
  new Promise<ImportOutcome>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(importInPlace(db, file, onStep));
      return;
    }
    let last: ImportStep | undefined;
    worker.onmessage = ({ data }: MessageEvent<ImportMessage>) => {
      if (data.type === 'step') onStep((last = data.step));
      else {
        worker.terminate();
        resolve(data.outcome);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // Not started at all (module workers unavailable, the script refused): nothing was read, so import here. Stopped
      // midway (out of memory): say how far it got; what was written stays.
      if (!last) resolve(importInPlace(db, file, onStep));
      else {
        const done = last.step === 'writing' ? last.done : 0;
        const total = last.step === 'writing' ? last.total : 0;
        resolve({ kind: 'failed', error: event.message || 'the import stopped unexpectedly', done, total });
      }
    };
    worker.postMessage({ file, dbName: db.name } satisfies ImportRequest);
  });
