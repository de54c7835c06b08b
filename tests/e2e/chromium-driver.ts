import type { ElementHandle, Page } from 'playwright-core';
import { launchChromium, VIEWPORT, type ChromiumSession, type LaunchOptions } from '../../scripts/lib/browsers.ts';
import {
  createTabScript,
  OPENER_PATH,
  OpenPages,
  pageStateScript,
  waitFor,
  type ArticlePage,
  type BrowserDriver,
  type ElementRef,
  type PageDriver,
  type ServiceWorkerControl,
} from './driver.ts';
import type { PageState } from '../../lib/messaging/protocol.ts';

function wrap(page: Page): PageDriver {
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async element(expression): Promise<ElementRef | null> {
      const handle = (await page.evaluateHandle(expression)).asElement() as ElementHandle | null;
      return handle && { click: () => handle.click() };
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: false });
    },
    emulateColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

/**
 * Stops the extension's service worker as Chrome does when it idles: `ServiceWorker.stopAllWorkers` over a DevTools
 * protocol session, which covers the whole profile. The same session's `workerVersionUpdated` events report each
 * stop and wake-up: Playwright's own worker list keeps a stopped worker until the browser closes, so it cannot tell.
 */
async function serviceWorkerControl({ context, extensionOrigin }: ChromiumSession): Promise<ServiceWorkerControl> {
  // The launch's first tab: it never takes focus from the pages under test.
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  let status = 'unknown';
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(extensionOrigin)) continue;
      if (version.runningStatus === 'running' && status !== 'running') starts += 1;
      status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    running: () => status === 'starting' || status === 'running',
    starts: () => starts,
    async stop() {
      await waitFor(
        'the extension service worker to stop',
        async () => {
          if (status === 'stopped') return true;
          // A worker that is still starting (woken by a late message) ignores the command: ask again once it runs.
          if (status === 'running') await cdp.send('ServiceWorker.stopAllWorkers');
          throw new Error(`it is ${status}`);
        },
        { timeout: 15_000, interval: 250 },
      );
    },
  };
}

export async function chromiumDriver(options: LaunchOptions = {}): Promise<BrowserDriver> {
  const session = await launchChromium(options);
  const { context } = session;
  const open = new OpenPages<Page>();
  const openExtensionPage = async (path: string) => {
    const page = open.add(await context.newPage());
    await page.goto(session.extensionOrigin + path, { waitUntil: 'load' });
    return page;
  };
  return {
    name: 'chromium',
    executablePath: session.executablePath,
    extensionOrigin: session.extensionOrigin,
    async openPage(url): Promise<ArticlePage> {
      // The extension opens the tab, which tells its id; Playwright reports the same tab as a new page.
      // The opener stays open (closePages closes it) to ask the tab for its state later.
      const opener = await openExtensionPage(OPENER_PATH);
      const [page, tabId] = await Promise.all([
        context.waitForEvent('page', { timeout: 60_000 }),
        opener.evaluate(createTabScript(url)) as Promise<number>,
      ]);
      open.add(page);
      // A tab the extension opened gets the window's size, not the launch viewport: give it the same one.
      await wrap(page).setViewport(VIEWPORT.width, VIEWPORT.height);
      await page.waitForURL(url, { waitUntil: 'load', timeout: 60_000 });
      return {
        ...wrap(page),
        tabId,
        state: () => opener.evaluate(pageStateScript(tabId)) as Promise<PageState | null>,
      };
    },
    openExtensionPage: async (path) => wrap(await openExtensionPage(path)),
    closePages: () => open.closeAll(),
    serviceWorker: await serviceWorkerControl(session),
    close: () => session.close(),
  };
}
