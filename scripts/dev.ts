// `npm run dev` / `npm run dev:firefox`: build the extension, serve the sample article on 127.0.0.1 and open a headed
// browser with the extension loaded on it, the Claimlens panel already open beside the article and no warning bars
// (scripts/lib/dev-browser.ts). Stays up until Ctrl-C (or until the browser window is closed).
//
// Options: --browser chromium|firefox, --page sample|<corpus page name>, --no-build, --online (let the browser reach
// the live web; by default only 127.0.0.1 is reachable), --panel-window (Chromium: the panel in a window of its own
// beside the article's instead of the side panel), --headless (a smoke test without a display).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  extensionDir,
  findBrowser,
  launchChromium,
  launchFirefox,
  type BrowserName,
  type ChromiumSession,
} from './lib/browsers.ts';
import {
  besideBounds,
  OPEN_SIDE_PANEL_SCRIPT,
  openPanelWindowScript,
  PANEL_WIDTH,
  placeWindowScript,
  SCREEN_SCRIPT,
  type Bounds,
} from './lib/dev-browser.ts';
import { createTabScript, OPENER_PATH } from './lib/extension-tabs.ts';
import { CORPUS_PAGES_DIR, PROJECT_ROOT } from './lib/paths.ts';
import { corpusPageExists, startServer } from './lib/serve.ts';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    page: { type: 'string', default: 'sample' },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    online: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    'panel-window': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

const browserName: BrowserName =
  values.browser === 'firefox'
    ? 'firefox'
    : values.browser === 'chromium' || values.browser === 'chrome'
      ? 'chromium'
      : fail(`Unknown --browser ${values.browser}: use chromium or firefox.`);
const envName = browserName === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';

// Find the browser before a build that takes seconds, so a missing browser is the first thing the developer hears.
let executablePath: string;
try {
  executablePath = findBrowser(browserName);
} catch (error) {
  fail((error as Error).message);
}
if (!values.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('No display to open a browser window on. On a machine without one, run: xvfb-run -a npm run dev');
}
if (values.page !== 'sample' && !corpusPageExists(values.page)) {
  fail(`No corpus page "${values.page}" in ${CORPUS_PAGES_DIR}.`);
}

if (values.build && !values['no-build']) {
  const args = browserName === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build'];
  console.log(`▸ wxt ${args.join(' ')}`);
  const wxt = join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
  const built = spawnSync(wxt, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (built.status !== 0) fail(`The build failed (wxt ${args.join(' ')}).`);
}

const server = await startServer();
const url = values.page === 'sample' ? server.sampleUrl : server.corpusUrl(values.page);
const launchOptions = { headless: values.headless, offline: !values.online, forPeople: true };

/**
 * Opens the article from an extension page (which learns its tab id) and Chrome's side panel beside it. The side
 * panel opens only from a user gesture; Playwright evaluates with one (CDP's `userGesture`), so the page's own
 * `sidePanel.open()` works. Should it not, or with --panel-window, the panel page pinned to the article's tab opens
 * in a window of its own, right of the article's. Says what it opened.
 */
async function openArticleAndPanel(session: ChromiumSession, ownWindow: boolean): Promise<string> {
  const { context, extensionOrigin } = session;
  const opener = context.pages()[0] ?? (await context.newPage());
  await opener.goto(extensionOrigin + OPENER_PATH);
  const tabId = (await opener.evaluate(createTabScript(url))) as number;
  const screen = (await opener.evaluate(SCREEN_SCRIPT)) as Bounds;
  const refused = ownWindow ? '' : ((await opener.evaluate(OPEN_SIDE_PANEL_SCRIPT)) as string);
  // Where windows go is only a nicety: headless has no screen worth filling, and a window manager may say no.
  const place = async (bounds: Bounds) => {
    if (!values.headless) await opener.evaluate(placeWindowScript(bounds)).catch(() => {});
  };
  if (!ownWindow && !refused) {
    await place(screen);
    await opener.close();
    return "Chrome's side panel, open on the right of the article's window (the toolbar button opens and closes it)";
  }
  const bounds = besideBounds(screen, PANEL_WIDTH);
  const panelUrl = `${extensionOrigin}sidepanel.html?tabId=${tabId}`;
  await place(bounds.article);
  await opener.evaluate(openPanelWindowScript(panelUrl, values.headless ? undefined : bounds.panel));
  await opener.close();
  return [
    `a window of its own, ${bounds.panel.width} px wide, right of the article's window`,
    `(${panelUrl}: it shows tab ${tabId}, the article, wherever that tab goes)`,
    refused ? `The side panel did not open: ${refused}` : '',
  ]
    .filter(Boolean)
    .join('\n              ');
}

let close: () => Promise<void>;
let onDisconnect: (handler: () => void) => void;
let extensionOrigin: string;
let panelNote: string;
try {
  if (browserName === 'chromium') {
    const session = await launchChromium(launchOptions);
    close = session.close;
    onDisconnect = (handler) => session.context.on('close', handler);
    extensionOrigin = session.extensionOrigin;
    panelNote = await openArticleAndPanel(session, values['panel-window']).catch(async (error: unknown) => {
      await session.close();
      throw error;
    });
  } else {
    const session = await launchFirefox(launchOptions);
    const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    // Ad iframes failing offline can fail puppeteer's navigation although the page loads: the page is what matters.
    await page.goto(url).catch(() => {});
    close = session.close;
    onDisconnect = (handler) => session.browser.on('disconnected', handler);
    extensionOrigin = session.extensionOrigin;
    panelNote = `Firefox's sidebar, ${PANEL_WIDTH} px, left of the article: Firefox opens it when the add-on is
              installed (the toolbar button, or View → Sidebar → Claimlens, opens and closes it)`;
  }
} catch (error) {
  await server.close();
  fail((error as Error).message);
}

console.log(`
Claimlens is running in ${browserName === 'chromium' ? 'Chromium' : 'Firefox'}${values.headless ? ' (headless)' : ''}.
  Article:    ${url}
  Extension:  ${extensionDir(browserName)} (${extensionOrigin})
  Panel:      ${panelNote}
  Browser:    ${executablePath}
              another browser binary: ${envName}=/path/to/browser npm run dev${browserName === 'firefox' ? ':firefox' : ''}
  Network:    ${values.online ? 'live web allowed' : 'only 127.0.0.1 (pass -- --online to browse live sites)'}
  Corpus:     ${server.origin}/corpus/<name>/ serves ../shared/corpus/pages/<name>/source.html
Press Ctrl-C to stop.`);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await close().catch(() => {});
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
onDisconnect(() => {
  if (stopping) return;
  console.log('The browser was closed.');
  void stop(0);
});
