import type { ElementHandle, Page } from 'playwright-core';
import { launchChromium, type LaunchOptions } from '../../scripts/lib/browsers.ts';
import type { BrowserDriver, ElementRef, PageDriver } from './driver.ts';

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
    close: () => page.close(),
  };
}

export async function chromiumDriver(options: LaunchOptions = {}): Promise<BrowserDriver> {
  const session = await launchChromium(options);
  const { context } = session;
  return {
    name: 'chromium',
    executablePath: session.executablePath,
    extensionOrigin: session.extensionOrigin,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(session.extensionOrigin + path, { waitUntil: 'load' });
      return wrap(page);
    },
    close: () => session.close(),
  };
}
