import { browser } from 'wxt/browser';
import { contentMessenger } from '@/lib/messaging/protocol';

const MENU_ID = 'claimlens-mark-claim';
export const MARK_CLAIM_COMMAND = 'mark-claim';

/**
 * "Mark as claim" from the context menu and from a keyboard shortcut the reader can rebind (chrome://extensions/shortcuts,
 * about:addons). Both ask the tab's content script to take its own selection, which it can describe precisely.
 */
export function registerMarkClaim(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Mark as claim', contexts: ['selection'] }, () => {
      // Re-creating an existing item after an update reports an error we can ignore.
      void browser.runtime.lastError;
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) markIn(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== MARK_CLAIM_COMMAND) return;
    if (tab?.id !== undefined) return markIn(tab.id);
    activeTabId().then(
      (tabId) => tabId !== undefined && markIn(tabId),
      (error: unknown) => console.error('Claimlens could not find the active tab', error),
    );
  });
}

function markIn(tabId: number): void {
  contentMessenger.sendMessage('selection:mark', undefined, tabId).catch((error: unknown) => {
    console.warn('Claimlens: this tab cannot mark claims (no content script)', error);
  });
}

async function activeTabId(): Promise<number | undefined> {
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}
