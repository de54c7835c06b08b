import { browser } from 'wxt/browser';
import { contentMessenger } from '@/lib/messaging/protocol';
import type { ClaimlensDb } from '@/storage/db';
import { readSettings, updateSettings } from '@/storage/settings';

export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/**
 * The shortcut flips the stored setting (so it survives the worker and applies to pages opened later) and repaints
 * every open tab now. Tabs without a content script simply don't answer.
 */
export function registerToggleHighlights(db: () => ClaimlensDb): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return;
    const current = await readSettings(db());
    await updateSettings(db(), { showHighlights: !current.showHighlights });
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? undefined : contentMessenger.sendMessage('claims:refresh', undefined, tab.id).catch(() => undefined))),
    );
  });
}
