import { browser } from 'wxt/browser';
import { render } from 'preact';
import { App } from './components/App';
import { BackupControls } from './components/BackupControls';
import { createPanelStore } from './store/panel-store';
import { PanelStoreContext } from './store/use-panel';
import { contentMessenger, panelMessenger } from '@/lib/messaging/protocol';
import { getDb } from '@/storage/db';
import { localDrafts, localVerdictDrafts } from '@/storage/drafts';
import { importInWorker } from './import-in-worker';
import './style.css';

const store = createPanelStore({
  db: getDb(),
  getPageState: (tabId) => contentMessenger.sendMessage('page:state', undefined, tabId),
  showClaim: (tabId, id) => contentMessenger.sendMessage('claim:show', { id }, tabId),
  refreshTab: (tabId) => contentMessenger.sendMessage('claims:refresh', undefined, tabId),
  // Typed notes are kept in this origin's localStorage until saved: a panel closed mid-word loses nothing.
  drafts: localDrafts(localStorage),
  verdictDrafts: localVerdictDrafts(localStorage),
  // A backup is parsed, checked and written in a worker: the panel stays responsive and shows the progress.
  importBackup: importInWorker,
});

// `?tabId=N` pins the panel to one tab (tests open the panel as a page of its own); otherwise it follows the
// active tab of its window.
const pinned = Number(new URLSearchParams(location.search).get('tabId'));
const pinnedTab = Number.isInteger(pinned) && pinned > 0 ? pinned : null;

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void (pinnedTab !== null
  ? store.getState().followTab(pinnedTab)
  : activeTabId().then((id) => store.getState().followTab(id)));

if (pinnedTab === null) {
  // Each window has its own panel: follow tab switches in this window only.
  const ownWindow = browser.windows.getCurrent().then((w) => w.id);
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void ownWindow.then((own) => (windowId === own ? store.getState().followTab(tabId) : undefined));
  });
}
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (tabId === store.getState().tabId && change.status === 'complete') void store.getState().reloadPage();
});
panelMessenger.onMessage('page:changed', ({ sender }) => {
  if (sender.tab?.id === store.getState().tabId) void store.getState().reloadPage();
});
panelMessenger.onMessage('claim:select', ({ data, sender }) => {
  if (sender.tab?.id !== store.getState().tabId) return;
  store.getState().select(data.id);
  document.querySelector(`[data-claim-id="${CSS.escape(data.id)}"]`)?.scrollIntoView({ block: 'nearest' });
});
// Closing or hiding the panel saves what was typed at once (dispose flushes too); the drafts cover a save cut short.
addEventListener('pagehide', () => store.getState().dispose());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'hidden') return;
  void store.getState().flushNotes();
  void store.getState().flushVerdict();
});

render(
  <PanelStoreContext.Provider value={store}>
    <App footer={<BackupControls />} openPage={(url) => void browser.tabs.create({ url })} />
  </PanelStoreContext.Provider>,
  document.getElementById('app')!,
);
