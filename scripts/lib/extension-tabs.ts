// Scripts for an extension page that opens article tabs and asks them for their state: how the end-to-end tests and
// the benchmark know a tab's id and when the finder is done, without anything a page could observe (tab URLs are
// withheld from an extension without host permissions; performance entries would be visible to the page).

/**
 * The extension page to run them in: a panel pinned to a tab that does not exist, so it stays inert (it neither
 * follows the active tab nor talks to the article).
 */
export const OPENER_PATH = `sidepanel.html?tabId=${2 ** 31 - 1}`;

/** Opens a web page in a new active tab; yields the tab's id. */
export const createTabScript = (url: string) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const tab = await api.tabs.create({ url: ${JSON.stringify(url)}, active: true });
  return tab.id;
})()`;

/** The `page:state` reply of the content script in this tab (in @webext-core/messaging's envelope), or null. */
export const pageStateScript = (tabId: number) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    const reply = await api.tabs.sendMessage(${tabId}, { id: 1, type: 'page:state', timestamp: Date.now() });
    return reply && reply.res ? reply.res : null;
  } catch {
    return null;
  }
})()`;
