// The few things the scenario needs from a browser, so the same steps run in Chromium (playwright-core) and Firefox
// (puppeteer-core over WebDriver BiDi). Everything page-side is a string of plain JavaScript evaluated in the page's
// main world: strings reach the page untouched (no transpiler helpers), and both libraries accept them.
import type { BrowserName } from '../../scripts/lib/browsers.ts';
import type { PageState } from '../../lib/messaging/protocol.ts';

export interface ElementRef {
  click(): Promise<void>;
}

export interface PageDriver {
  /** Evaluates an expression in the page's main world; a promise result is awaited. Results must be JSON values. */
  evaluate<T>(expression: string): Promise<T>;
  /** The element an expression yields, or null. */
  element(expression: string): Promise<ElementRef | null>;
  /** Types into the focused element, as a user would. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  reload(): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Emulates `prefers-color-scheme` for this page (in Firefox only for the current document: see firefox-driver.ts). */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Resizes the page's viewport (CSS pixels), for example to a side panel's width. */
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

/** A web page the test opened, with the extension's id of its tab (what `sidepanel.html?tabId=N` needs). */
export interface ArticlePage extends PageDriver {
  tabId: number;
  /**
   * The content script's answer to `page:state`, asked from an extension page as the panel asks it, or null while no
   * content script answers. Its `passes` tell when the finder is done: the page itself sees no trace of them.
   */
  state(): Promise<PageState | null>;
}

export interface BrowserDriver {
  name: BrowserName;
  executablePath: string;
  /** `chrome-extension://ID/` or `moz-extension://UUID/` */
  extensionOrigin: string;
  /**
   * Opens a web page in a new tab and waits for its load event. The tab is created by the extension itself
   * (`tabs.create` from an extension page), so its id is known without reading tab URLs, which `tabs.query` withholds
   * from an extension without host permissions (Chromium 156).
   */
  openPage(url: string): Promise<ArticlePage>;
  /** Opens a page of the extension (for example `sidepanel.html?tabId=3`) in a new tab. */
  openExtensionPage(path: string): Promise<PageDriver>;
  /** Closes every page opened since launch that is still open: each test leaves no tab behind, even when it fails. */
  closePages(): Promise<void>;
  /** Chromium only: the extension's MV3 service worker, which the durability test stops between actions. */
  serviceWorker?: ServiceWorkerControl;
  close(): Promise<void>;
}

export interface ServiceWorkerControl {
  /** Stops the worker through the DevTools protocol; resolves once the browser reports it stopped, else fails. */
  stop(): Promise<void>;
  running(): boolean;
  /** Times the worker has started since launch: an event (a message) waking it counts. */
  starts(): number;
}

/** Polls `check` until it returns a value other than undefined/false, or fails with what was last seen. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { timeout = 30_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`Timed out waiting for ${what} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export { createTabScript, OPENER_PATH, pageStateScript } from '../../scripts/lib/extension-tabs.ts';

/** Pages opened through a driver, so that `closePages` can close what a test left open. */
export class OpenPages<T extends { close(): Promise<void>; isClosed(): boolean }> {
  #pages = new Set<T>();

  add(page: T): T {
    this.#pages.add(page);
    return page;
  }

  async closeAll(): Promise<void> {
    const pages = [...this.#pages];
    this.#pages.clear();
    await Promise.all(pages.filter((page) => !page.isClosed()).map((page) => page.close().catch(() => {})));
  }
}
