import { liveQuery } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { readSettings, setSiteQuiet, updateSettings } from '@/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { PanelDeps, PanelState } from './panel-store';
import { attempt, failed, messageOf, type Notice } from './notice';

export interface SettingsSlice {
  settings: Settings;
  settingsNotice: Notice | null;
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
      error: (error: unknown) => set({ settingsNotice: failed(`Could not read settings: ${messageOf(error)}`) }),
    });
    onDispose(() => subscription.unsubscribe());

    async function apply(change: () => Promise<Settings>) {
      const settings = await attempt(change, (settingsNotice) => set({ settingsNotice }), 'Settings not saved');
      if (!settings) return;
      set({ settings, settingsNotice: null });
      const { tabId } = get();
      if (tabId !== null) await deps.refreshTab(tabId).catch(() => undefined);
      await get().reloadPage();
    }

    return {
      settings: DEFAULT_SETTINGS,
      settingsNotice: null,
      changeSettings: (patch) => apply(() => updateSettings(deps.db, patch)),
      setFindingOnSite: (site, on) => apply(() => setSiteQuiet(deps.db, site, !on)),
    };
  };
}
