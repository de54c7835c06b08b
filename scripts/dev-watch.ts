// `npm run dev:watch` (`dev:watch:firefox`): WXT's own runner, which rebuilds and reloads the extension as files
// change. WXT cannot serve a page, so this serves the sample article on a fixed port (scripts/lib/dev-browser.ts), tells
// web-ext.config.ts which browser binary to start, then runs `wxt` with the arguments given (`-b firefox --mv3`, ...).
// In Chromium it then opens the side panel beside the article over the DevTools protocol, and again whenever a
// reload of the extension has closed it. Firefox opens its sidebar by itself when WXT installs the add-on.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowser, type BrowserName } from './lib/browsers.ts';
import {
  DEV_WATCH_ENV,
  OPEN_SIDE_PANEL_SCRIPT,
  placeWindowScript,
  SAMPLE_PORT,
  SAMPLE_URL,
  SCREEN_SCRIPT,
  type Bounds,
} from './lib/dev-browser.ts';
import { OPENER_PATH } from './lib/extension-tabs.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { startServer, type PageServer } from './lib/serve.ts';

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const browserArg = args.flatMap((arg, i) =>
  arg === '-b' || arg === '--browser' ? [args[i + 1]] : arg.startsWith('--browser=') ? [arg.slice(10)] : [],
)[0];
const browserName: BrowserName = browserArg === 'firefox' ? 'firefox' : 'chromium';
const envName = browserName === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
const env: NodeJS.ProcessEnv = { ...process.env };
try {
  env[envName] = findBrowser(browserName);
} catch (error) {
  fail((error as Error).message);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('No display to open a browser window on. On a machine without one, run: xvfb-run -a npm run dev:watch');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** True when the URL answers 200. */
const answers = (url: string) =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  );

/** The sample server, or null when something already serves it there (`npm run serve` in another terminal). */
async function serveSample(): Promise<PageServer | null> {
  try {
    return await startServer(SAMPLE_PORT);
  } catch (error) {
    if (await answers(SAMPLE_URL)) return null;
    fail(`Cannot serve the sample on port ${SAMPLE_PORT} (${String(error)}), and nothing serves it there.`);
  }
}

/** A port nobody listens on now, for Chromium's DevTools. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const server = await serveSample();
console.log(`▸ The sample article: ${SAMPLE_URL}${server ? '' : ' (already served)'}`);
const cdpPort = browserName === 'chromium' ? await freePort() : undefined;
if (cdpPort) env[DEV_WATCH_ENV.cdpPort] = String(cdpPort);

const wxt = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt'), args, {
  cwd: PROJECT_ROOT,
  env,
  stdio: 'inherit',
});
let running = true;
wxt.on('exit', (code, signal) => {
  running = false;
  void (server?.close() ?? Promise.resolve()).then(() => process.exit(code ?? (signal ? 0 : 1)));
});
// wxt closes the browser and stops on Ctrl-C (which reaches it from the terminal too) or a kill of this process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wxt.kill(signal));

/**
 * Opens the side panel in the window of the article: from an extension page, with a user gesture (see dev.ts); the
 * first time, the window fills the screen so the article keeps room beside the panel.
 */
async function openSidePanel(context: BrowserContext, worker: Worker, first: boolean): Promise<void> {
  const opener = await context.newPage();
  try {
    await opener.goto(new URL(OPENER_PATH, worker.url()).href);
    if (first)
      await opener.evaluate(placeWindowScript((await opener.evaluate(SCREEN_SCRIPT)) as Bounds)).catch(() => {});
    const refused = (await opener.evaluate(OPEN_SIDE_PANEL_SCRIPT)) as string;
    console.log(
      refused
        ? `▸ Claimlens could not open its side panel (${refused}): click its toolbar button.`
        : `▸ Claimlens: Chrome's side panel is open beside the article${first ? '' : ' again, after the reload'}.`,
    );
  } finally {
    await opener.close();
  }
}

/**
 * Waits for the Chromium that WXT's runner starts, opens the panel once the extension runs, and again when a reload
 * of the extension (WXT reloads it when the background changes) has closed it: the side panel's page goes away and a
 * new service worker starts within a few seconds. A panel the reader closed stays closed. The side panel is no tab,
 * so Playwright does not list it; the DevTools protocol's targets do.
 */
async function keepPanelOpen(port: number): Promise<void> {
  const endpoint = `http://127.0.0.1:${port}`;
  while (running && !(await answers(`${endpoint}/json/version`))) await sleep(500);
  if (!running) return;
  const browser = await chromium.connectOverCDP(endpoint);
  // WXT reopens the browser on `o` + Enter, with the same switches: wait for that one in turn.
  browser.on('disconnected', () => void keepPanelOpen(port).catch(warn));
  const context = browser.contexts()[0];
  if (!context) return;
  const isExtension = (url: string) => url.startsWith('chrome-extension://');
  const sidePanels = new Set<string>();
  let panelClosedAt = -Infinity;
  const cdp = await browser.newBrowserCDPSession();
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
    if (
      isExtension(targetInfo.url) &&
      new URL(targetInfo.url).pathname === '/sidepanel.html' &&
      !targetInfo.url.includes('?')
    ) {
      sidePanels.add(targetInfo.targetId);
    }
  });
  cdp.on('Target.targetDestroyed', ({ targetId }) => {
    if (sidePanels.delete(targetId)) panelClosedAt = Date.now();
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  context.on('serviceworker', (worker) => {
    if (isExtension(worker.url()) && Date.now() - panelClosedAt < 10_000) {
      openSidePanel(context, worker, false).catch(warn);
    }
  });
  const worker =
    context.serviceWorkers().find((w) => isExtension(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isExtension(w.url()), timeout: 60_000 }));
  await openSidePanel(context, worker, true);
}

function warn(error: unknown): void {
  if (running) console.warn(`▸ Could not open Claimlens's side panel (${String(error)}): click its toolbar button.`);
}

if (cdpPort) keepPanelOpen(cdpPort).catch(warn);
