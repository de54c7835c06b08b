import type { PageState } from '@/lib/messaging/protocol';
import type { ClaimlensDb } from '@/storage/db';
import type { DraftStorage, VerdictDraft } from '@/storage/drafts';
import type { BackupImporter } from '@/storage/import-file';

/** What the panel needs from the outside world; tests pass fakes. */
export interface PanelDeps {
  db: ClaimlensDb;
  /** Asks the content script of a tab; rejects when the tab has none (a browser page, a PDF, a stale tab). */
  getPageState(tabId: number): Promise<PageState>;
  showClaim(tabId: number, id: string): Promise<boolean>;
  refreshTab(tabId: number): Promise<void>;
  now?: () => number;
  /** Where notes being typed are kept until saved (the panel passes localStorage); in memory by default. */
  drafts?: DraftStorage;
  /** Where page verdicts being typed are kept until saved (the panel passes localStorage); in memory by default. */
  verdictDrafts?: DraftStorage<VerdictDraft>;
  /** Runs an import of a backup file: the panel passes a worker (importInWorker); in place when absent. */
  importBackup?: BackupImporter;
}
