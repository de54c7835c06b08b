import { liveQuery } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { readSettings, setSiteQuiet, updateSettings } from '@/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { PanelDeps, PanelState } from './panel-store';
import { messageOf } from './page-slice';

export interface SettingsSlice {
  settings: Settings;
  settingsError: string | null;
  changeSettings(patch: Partial<Omit<Settings, 'id'>>): Promise<void>;
  setFindingOnSite(site: string, on: boolean): Promise<void>;
}

/** The reader's preferences; a change repaints the followed tab at once (other tabs on their next load). */
export function createSettingsSlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], SettingsSlice> {
  return (set, get) => {
    const subscription = liveQuery(() => readSettings(deps.db)).subscribe({
      next: (settings) => set({ settings }),
      error: (error: unknown) => set({ settingsError: `Could not read settings: ${messageOf(error)}` }),
    });
    onDispose(() => subscription.unsubscribe());

    async function apply(change: () => Promise<Settings>) {
      try {
        set({ settings: await change(), settingsError: null });
        const { tabId } = get();
        if (tabId !== null) await deps.refreshTab(tabId).catch(() => undefined);
        await get().reloadPage();
      } catch (error) {
        set({ settingsError: `Settings not saved: ${messageOf(error)}` });
      }
    }

    return {
      settings: DEFAULT_SETTINGS,
      settingsError: null,
      changeSettings: (patch) => apply(() => updateSettings(deps.db, patch)),
      setFindingOnSite: (site, on) => apply(() => setSiteQuiet(deps.db, site, !on)),
    };
  };
}
