import { liveQuery } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { readSettings, setSiteQuiet, updateSettings } from '@/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { PanelDeps, PanelState } from './panel-store';
import { attempt, failed, messageOf, type Notice } from './notice';

export interface SettingsSlice {
  settings: Settings;
  /** False until the stored settings were read (the defaults stand in until then). */
  settingsLoaded: boolean;
  settingsNotice: Notice | null;
  changeSettings(patch: Partial<Omit<Settings, 'id'>>): Promise<void>;
  /** Keeps a choice about the panel itself (its order, the first-run hint): nothing on the page changes. */
  changePanelPrefs(patch: Partial<Pick<Settings, 'claimOrder' | 'firstRunHintDone'>>): Promise<void>;
  setFindingOnSite(site: string, on: boolean): Promise<void>;
}

/** The reader's preferences; a change repaints the followed tab at once (other tabs on their next load). */
export function createSettingsSlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], SettingsSlice> {
  return (set, get) => {
    const subscription = liveQuery(() => readSettings(deps.db)).subscribe({
      next: (settings) => set({ settings, settingsLoaded: true }),
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
      settingsLoaded: false,
      settingsNotice: null,
      changeSettings: (patch) => apply(() => updateSettings(deps.db, patch)),
      async changePanelPrefs(patch) {
        // Shown at once: the choice should not wait for the write (the live query confirms it).
        set({ settings: { ...get().settings, ...patch } });
        await attempt(
          () => updateSettings(deps.db, patch),
          (settingsNotice) => set({ settingsNotice }),
          'Not saved',
        );
      },
      setFindingOnSite: (site, on) => apply(() => setSiteQuiet(deps.db, site, !on)),
    };
  };
}
