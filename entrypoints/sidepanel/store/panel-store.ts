import { createStore } from 'zustand/vanilla';
import type { PanelDeps } from './deps';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createPageSlice, type PageSlice } from './page-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createTransferSlice, type TransferSlice } from './transfer-slice';
import { createVerdictSlice, type VerdictSlice } from './verdict-slice';

export { NO_CONTENT_SCRIPT, NOTE_SAVE_DELAY_MS, panelClaims, type PanelClaim } from './page-slice';
export type { Notice } from './notice';
export type { PanelView } from './library-slice';
export type { ExportFile, ExportFormat } from './export-slice';
export type { PanelDeps } from './deps';

/** The side panel's one store, in slices by concern; each slice keeps its actions beside its state. */
export type PanelState = PageSlice &
  VerdictSlice &
  TransferSlice &
  SettingsSlice &
  LibrarySlice &
  ExportSlice & { dispose(): void };

export function createPanelStore(deps: PanelDeps) {
  const disposers: Array<() => void> = [];
  const onDispose = (fn: () => void) => disposers.push(fn);
  return createStore<PanelState>()((...a) => ({
    ...createPageSlice(deps, onDispose)(...a),
    ...createVerdictSlice(deps, onDispose)(...a),
    ...createTransferSlice(deps)(...a),
    ...createSettingsSlice(deps, onDispose)(...a),
    ...createLibrarySlice(deps, onDispose)(...a),
    ...createExportSlice(deps)(...a),
    dispose: () => disposers.splice(0).forEach((fn) => fn()),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
