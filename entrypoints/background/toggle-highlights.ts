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
  const toggle = async () => {
    const current = await readSettings(db());
    await updateSettings(db(), { showHighlights: !current.showHighlights });
    const tabs = await browser.tabs.query({});
    const ids = tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
    await Promise.all(
      ids.map((id) => contentMessenger.sendMessage('claims:refresh', undefined, id).catch(() => undefined)),
    );
  };
  browser.commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return;
    toggle().catch((error: unknown) => console.error('Claimlens could not toggle the highlights', error));
  });
}
