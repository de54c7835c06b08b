// A backup file from bytes to storage: read and checked whole before anything is written, then written in chunks.
// The side panel runs this in a worker (entrypoints/sidepanel/import-worker.ts), so parsing a large file never
// blocks the panel; tests and browsers without module workers run it in place.
import { parseBackupBytes, type ParseBackupOptions } from '../lib/backup/parse';
import { importEntries, ImportInterrupted, type ImportOptions, type ImportReport } from './backup-io';
import type { ClaimlensDb } from './db';

export type ImportStep = { step: 'reading' } | { step: 'writing'; done: number; total: number };

/** Plain data, so it crosses from the worker to the panel as it is. */
export type ImportOutcome =
  | { kind: 'imported'; report: ImportReport }
  /** The file was refused: nothing was written. */
  | { kind: 'refused'; error: string }
  /** Writing failed after `done` of `total` claims had landed (0: nothing was written). */
  | { kind: 'failed'; error: string; done: number; total: number };

export interface ImportFileOptions extends ParseBackupOptions, Pick<ImportOptions, 'chunkClaims'> {
  now?: number;
  onStep?(step: ImportStep): void;
}

export async function importBackupFile(
  db: ClaimlensDb,
  bytes: Uint8Array,
  { now = Date.now(), onStep, chunkClaims, ...limits }: ImportFileOptions = {},
): Promise<ImportOutcome> {
  onStep?.({ step: 'reading' });
  const parsed = parseBackupBytes(bytes, limits);
  if (!parsed.ok) return { kind: 'refused', error: parsed.error };
  const total = parsed.counts.claims;
  onStep?.({ step: 'writing', done: 0, total });
  try {
    const report = await importEntries(db, parsed.pages, now, {
      chunkClaims,
      onProgress: (done) => onStep?.({ step: 'writing', done, total }),
    });
    return { kind: 'imported', report };
  } catch (error) {
    const done = error instanceof ImportInterrupted ? error.done : 0;
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error), done, total };
  }
}

/** Runs an import of a file the reader chose: in a worker in the panel (importInWorker), in place otherwise. */
export type BackupImporter = (
  db: ClaimlensDb,
  file: Blob,
  onStep: (step: ImportStep) => void,
) => Promise<ImportOutcome>;

/** The import on this thread: for tests, and where a module worker cannot start. */
export const importInPlace: BackupImporter = async (db, file, onStep) => {
  onStep({ step: 'reading' });
  return importBackupFile(db, new Uint8Array(await file.arrayBuffer()), { onStep });
};
