import type { StateCreator } from 'zustand/vanilla';
import { tooLarge } from '@/lib/backup/parse';
import { serializeBackup } from '@/lib/backup/serialize';
import { readEverything } from '@/storage/backup-io';
import { importInPlace, type ImportOutcome, type ImportStep } from '@/storage/import-file';
import type { PanelDeps, PanelState } from './panel-store';
import { messageOf } from './page-slice';

export type TransferState =
  | { kind: 'idle' }
  /** `done` of `total` claims written, while an import writes. */
  | { kind: 'busy'; message: string; done?: number; total?: number }
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
const count = (n: number) => n.toLocaleString('en');

function progress(step: ImportStep): TransferState {
  if (step.step === 'reading') return { kind: 'busy', message: 'Reading the backup…' };
  const { done, total } = step;
  return { kind: 'busy', message: `Importing… ${count(done)} of ${count(total)} ${total === 1 ? 'claim' : 'claims'}`, done, total };
}

function outcomeState(outcome: ImportOutcome): TransferState {
  switch (outcome.kind) {
    case 'imported': {
      const { pages, added, updated, skipped } = outcome.report;
      return {
        kind: 'done',
        message: `Imported ${plural(pages, 'page')}: ${added} added, ${updated} updated, ${skipped} already up to date.`,
      };
    }
    case 'refused':
      return { kind: 'error', message: `Nothing imported. ${outcome.error}` };
    case 'failed':
      return {
        kind: 'error',
        message: outcome.done === 0
          ? `Nothing imported: ${outcome.error}`
          : `The import stopped after ${count(outcome.done)} of ${count(outcome.total)} claims: ${outcome.error}. `
            + 'The claims imported before are kept; import the same file again to add the rest.',
      };
  }
}

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
      set({ transfer: progress({ step: 'reading' }) });
      const importBackup = deps.importBackup ?? importInPlace;
      try {
        const outcome = await importBackup(deps.db, file, (step) => set({ transfer: progress(step) }));
        set({ transfer: outcomeState(outcome) });
      } catch (error) {
        set({ transfer: { kind: 'error', message: `Nothing imported: ${messageOf(error)}` } });
      }
    },
  });
}
