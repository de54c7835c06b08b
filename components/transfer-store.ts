import { createStore } from 'zustand/vanilla';
import { parseBackupBytes, tooLarge } from '../lib/backup/parse';
import { serializeBackup } from '../lib/backup/serialize';
import { importEntries, readEverything } from '../storage/backup-io';
import type { ClaimlensDb } from '../storage/db';

export type TransferState =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

export interface TransferStore {
  state: TransferState;
  /** Everything in storage as one backup file; returns its text for the caller to save. */
  backUp(now: Date): Promise<string | null>;
  /** Merges a backup file; a refused file leaves storage untouched and says why. */
  importFile(file: Blob): Promise<void>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Backup and import: the library-wide actions, apart from the per-page panel store. */
export function createTransferStore(db: ClaimlensDb) {
  return createStore<TransferStore>()((set) => ({
    state: { kind: 'idle' },

    async backUp(now) {
      set({ state: { kind: 'busy', message: 'Preparing the backup…' } });
      try {
        const entries = await readEverything(db);
        const claims = entries.reduce((n, e) => n + e.claims.length, 0);
        set({ state: { kind: 'done', message: `Backed up ${plural(entries.length, 'page')}, ${plural(claims, 'claim')}.` } });
        return serializeBackup(entries, now);
      } catch (error) {
        set({ state: { kind: 'error', message: `Back up failed: ${error instanceof Error ? error.message : String(error)}` } });
        return null;
      }
    },

    async importFile(file) {
      const large = tooLarge(file.size);
      if (large) return set({ state: { kind: 'error', message: large } });
      set({ state: { kind: 'busy', message: 'Reading the backup…' } });
      const parsed = parseBackupBytes(new Uint8Array(await file.arrayBuffer()));
      if (!parsed.ok) return set({ state: { kind: 'error', message: `Nothing imported. ${parsed.error}` } });
      try {
        const report = await importEntries(db, parsed.pages);
        set({
          state: {
            kind: 'done',
            message: `Imported ${plural(report.pages, 'page')}: ${report.added} added, ${report.updated} updated, `
              + `${report.skipped} already up to date.`,
          },
        });
      } catch (error) {
        set({
          state: {
            kind: 'error',
            message: `Nothing imported: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
      }
    },
  }));
}
