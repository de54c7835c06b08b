import type { StateCreator } from 'zustand/vanilla';
import { parseBackupBytes, tooLarge } from '../../lib/backup/parse';
import { serializeBackup } from '../../lib/backup/serialize';
import { importEntries, readEverything } from '../../storage/backup-io';
import type { PanelDeps, PanelState } from '../panel-store';
import { messageOf } from './page-slice';

export type TransferState =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

export interface TransferSlice {
  transfer: TransferState;
  /** Everything in storage as one backup file; returns its text for the caller to save. */
  backUp(now: Date): Promise<string | null>;
  /** Merges a backup file; a refused file leaves storage untouched and says why. */
  importFile(file: Blob): Promise<void>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Backup and import of everything the reader has. */
export function createTransferSlice(deps: PanelDeps): StateCreator<PanelState, [], [], TransferSlice> {
  return (set) => ({
    transfer: { kind: 'idle' },

    async backUp(now) {
      set({ transfer: { kind: 'busy', message: 'Preparing the backup…' } });
      try {
        const entries = await readEverything(deps.db);
        const claims = entries.reduce((n, e) => n + e.claims.length, 0);
        set({ transfer: { kind: 'done', message: `Backed up ${plural(entries.length, 'page')}, ${plural(claims, 'claim')}.` } });
        return serializeBackup(entries, now);
      } catch (error) {
        set({ transfer: { kind: 'error', message: `Back up failed: ${messageOf(error)}` } });
        return null;
      }
    },

    async importFile(file) {
      const large = tooLarge(file.size);
      if (large) return set({ transfer: { kind: 'error', message: `Nothing imported. ${large}` } });
      set({ transfer: { kind: 'busy', message: 'Reading the backup…' } });
      const parsed = parseBackupBytes(new Uint8Array(await file.arrayBuffer()));
      if (!parsed.ok) return set({ transfer: { kind: 'error', message: `Nothing imported. ${parsed.error}` } });
      try {
        const report = await importEntries(deps.db, parsed.pages);
        set({
          transfer: {
            kind: 'done',
            message: `Imported ${plural(report.pages, 'page')}: ${report.added} added, ${report.updated} updated, `
              + `${report.skipped} already up to date.`,
          },
        });
      } catch (error) {
        set({ transfer: { kind: 'error', message: `Nothing imported: ${messageOf(error)}` } });
      }
    },
  });
}
