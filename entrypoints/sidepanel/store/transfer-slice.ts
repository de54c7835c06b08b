import type { StateCreator } from 'zustand/vanilla';
import { tooLarge } from '@/lib/backup/format';
import { serializeBackup } from '@/lib/backup/serialize';
import { readEverything } from '@/storage/backup-io';
import type { BackupImporter, ImportOutcome, ImportStep } from '@/storage/import-file';
import type { PanelDeps, PanelState } from './panel-store';
import { attempt, busy, done, failed, type Notice } from './notice';

export interface TransferSlice {
  /** The last backup or import: null before any, busy (with the claims written so far) while one runs. */
  transferNotice: Notice | null;
  /** Everything in storage as one backup file; returns its text for the caller to save. */
  backUp(now: Date): Promise<string | null>;
  /** Merges a backup file; a refused file leaves storage untouched and says why. */
  importFile(file: Blob): Promise<void>;
}

/**
 * The import on this thread, loaded when first used: parsing and checking a file (zod, jsonc-parser) is not needed to
 * open the panel.
 */
const importHere: BackupImporter = async (db, file, onStep) =>
  (await import('@/storage/import-file')).importInPlace(db, file, onStep);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en');

function progress(step: ImportStep): Notice {
  if (step.step === 'reading') return busy('Reading the backup…');
  const { done: written, total } = step;
  return busy(`Importing… ${count(written)} of ${count(total)} ${total === 1 ? 'claim' : 'claims'}`, {
    done: written,
    total,
  });
}

function outcomeNotice(outcome: ImportOutcome): Notice {
  switch (outcome.kind) {
    case 'imported': {
      const { pages, added, updated, skipped } = outcome.report;
      return done(
        `Imported ${plural(pages, 'page')}: ${added} added, ${updated} updated, ${skipped} already up to date.`,
      );
    }
    case 'refused':
      return failed(`Nothing imported. ${outcome.error}`);
    case 'failed':
      return failed(
        outcome.done === 0
          ? `Nothing imported: ${outcome.error}`
          : `The import stopped after ${count(outcome.done)} of ${count(outcome.total)} claims: ${outcome.error}. ` +
              'The claims imported before are kept; import the same file again to add the rest.',
      );
  }
}

/** Backup and import of everything the reader has. */
export function createTransferSlice(deps: PanelDeps): StateCreator<PanelState, [], [], TransferSlice> {
  return (set) => ({
    transferNotice: null,

    async backUp(now) {
      const report = (transferNotice: Notice) => set({ transferNotice });
      report(busy('Preparing the backup…'));
      const file = await attempt(
        async () => {
          const entries = await readEverything(deps.db);
          const text = serializeBackup(entries, now);
          const claims = entries.reduce((n, e) => n + e.claims.length, 0);
          report(done(`Backed up ${plural(entries.length, 'page')}, ${plural(claims, 'claim')}.`));
          return text;
        },
        report,
        'Back up failed',
      );
      return file ?? null;
    },

    async importFile(file) {
      const large = tooLarge(file.size);
      const report = (transferNotice: Notice) => set({ transferNotice });
      if (large) return report(failed(`Nothing imported. ${large}`));
      report(progress({ step: 'reading' }));
      const importBackup = deps.importBackup ?? importHere;
      const outcome = await attempt(
        () => importBackup(deps.db, file, (step) => report(progress(step))),
        report,
        'Nothing imported',
      );
      if (outcome) report(outcomeNotice(outcome));
    },
  });
}
