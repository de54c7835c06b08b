import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, VIEWPORT, type LaunchOptions } from '../../scripts/lib/browsers.ts';
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
} from './driver.ts';
import type { PageState } from '../../lib/messaging/protocol.ts';

// Over BiDi, puppeteer never sees the load event of a moz-extension:// page (PLATFORM.md), and Firefox fails the
// navigation of a web page whose ad iframes fail offline ("Address rejected") although the page itself loads. So
// navigate without trusting the outcome, then poll until the new document is complete: a marker left on the old
// document tells a reload's new document from the old one.
async function settle(page: Page, navigate: () => Promise<unknown>, expectedUrl?: string): Promise<void> {
  await page.evaluate('globalThis.__e2eOldDocument = true').catch(() => {});
  await navigate().catch(() => {});
  const check =
    `!globalThis.__e2eOldDocument && document.readyState === 'complete'` +
    (expectedUrl ? ` && location.href === ${JSON.stringify(expectedUrl)}` : '');
  await waitFor(`${expectedUrl ?? page.url()} to load`, () => page.evaluate(check) as Promise<boolean>);
}

/**
 * Unlike Playwright, puppeteer clicks where the element was when it scrolled it into view. Cards that lay out only
 * on screen (`content-visibility: auto`) change height as they appear, so the click would land elsewhere: scroll
 * first, wait until the element stops moving, then click.
 */
async function clickWhenStill(handle: ElementHandle<Element>): Promise<void> {
  await handle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  let last = '';
  await waitFor(
    'the element to stop moving',
    async () => {
      const box = JSON.stringify(await handle.boundingBox());
      const still = box === last;
      last = box;
      return still;
    },
    { interval: 50 },
  );
  await handle.click();
}

/**
 * Puppeteer emulates media features over CDP only, which Firefox does not speak. Instead, rewrite the document's own
 * `prefers-color-scheme` rules to match the wanted scheme (or never), and set `color-scheme` so form controls follow.
 * Same-origin style sheets only, and lost on reload: call it again after navigating.
 */
const forceColorScheme = (scheme: 'light' | 'dark') => String.raw`(() => {
  const want = ${JSON.stringify(scheme)};
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSMediaRule)) continue;
      const original = rule.__e2eMedia ??= rule.media.mediaText;
      const m = /prefers-color-scheme:\s*(light|dark)/.exec(original);
      if (m) rule.media.mediaText = m[1] === want ? 'all' : 'not all';
    }
  }
  document.documentElement.style.colorScheme = want;
  return true;
})()`;

function wrap(page: Page): PageDriver {
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async element(expression): Promise<ElementRef | null> {
      const handle = (await page.evaluateHandle(expression)).asElement() as ElementHandle<Element> | null;
      return handle && { click: () => clickWhenStill(handle) };
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    reload: () => settle(page, () => page.reload({ timeout: 5000 })),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    emulateColorScheme: (scheme) => page.evaluate(forceColorScheme(scheme)).then(() => {}),
    // Firefox 140 lacks BiDi's emulation.setScreenOrientationOverride, which puppeteer sends beside the viewport size.
    setViewport: (width, height) =>
      page.setViewport({ width, height }).catch((error: unknown) => {
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      }),
    close: () => page.close(),
  };
}

export async function firefoxDriver(options: LaunchOptions = {}): Promise<BrowserDriver> {
  const session = await launchFirefox(options);
  const { browser } = session;
  const open = new OpenPages<Page>();
  const openExtensionPage = async (path: string) => {
    // Its own window, as a sidebar sits beside the article: the article's tab stays visible, and Firefox drops a
    // smooth scroll requested in a hidden tab (so "Show on page" would do nothing in a background tab).
    const page = open.add(await browser.newPage({ type: 'window' }));
    const url = session.extensionOrigin + path;
    await settle(page, () => page.goto(url, { timeout: 1000 }), url);
    return page;
  };
  return {
    name: 'firefox',
    executablePath: session.executablePath,
    extensionOrigin: session.extensionOrigin,
    async openPage(url): Promise<ArticlePage> {
      // The extension opens the tab (in a window of its own), which tells its id; puppeteer finds it by its URL.
      // The opener stays open (closePages closes it) to ask the tab for its state later.
      const opener = await openExtensionPage(OPENER_PATH);
      const tabId = (await opener.evaluate(createTabScript(url))) as number;
      const target = await browser.waitForTarget((t) => t.type() === 'page' && t.url() === url, { timeout: 60_000 });
      const page = open.add((await target.page())!);
      // A tab the extension opened gets the window's size, not the launch viewport: give it the same one.
      await wrap(page).setViewport(VIEWPORT.width, VIEWPORT.height);
      const loaded = `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`;
      await waitFor(`${url} to load`, () => page.evaluate(loaded) as Promise<boolean>, { timeout: 60_000 });
      return {
        ...wrap(page),
        tabId,
        state: () => opener.evaluate(pageStateScript(tabId)) as Promise<PageState | null>,
      };
    },
    openExtensionPage: async (path) => wrap(await openExtensionPage(path)),
    closePages: () => open.closeAll(),
    close: () => session.close(),
  };
}
