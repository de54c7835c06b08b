import { createStore } from 'zustand/vanilla';
import type { PageState } from '../lib/messaging/protocol';
import type { ClaimlensDb } from '../storage/db';
import type { DraftStorage } from '../storage/drafts';
import { createExportSlice, type ExportSlice } from './store/export-slice';
import { createLibrarySlice, type LibrarySlice } from './store/library-slice';
import { createPageSlice, type PageSlice } from './store/page-slice';
import { createSettingsSlice, type SettingsSlice } from './store/settings-slice';
import { createTransferSlice, type TransferSlice } from './store/transfer-slice';

export { NO_CONTENT_SCRIPT, NOTE_SAVE_DELAY_MS, panelClaims, type PanelClaim, type SaveState } from './store/page-slice';
export type { PanelView } from './store/library-slice';
export type { TransferState } from './store/transfer-slice';
export type { ExportFile, ExportFormat } from './store/export-slice';

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
}

/** The side panel's one store, in slices by concern; each slice keeps its actions beside its state. */
export type PanelState = PageSlice & TransferSlice & SettingsSlice & LibrarySlice & ExportSlice & { dispose(): void };

export function createPanelStore(deps: PanelDeps) {
  const disposers: Array<() => void> = [];
  const onDispose = (fn: () => void) => disposers.push(fn);
  return createStore<PanelState>()((...a) => ({
    ...createPageSlice(deps, onDispose)(...a),
    ...createTransferSlice(deps)(...a),
    ...createSettingsSlice(deps, onDispose)(...a),
    ...createLibrarySlice(deps, onDispose)(...a),
    ...createExportSlice(deps)(...a),
    dispose: () => disposers.splice(0).forEach((fn) => fn()),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
