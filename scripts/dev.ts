// `npm run dev` / `npm run dev:firefox`: build the extension, serve the sample article on 127.0.0.1 and open a headed
// browser with the extension loaded on it. Stays up until Ctrl-C (or until the browser window is closed).
//
// Options: --browser chromium|firefox, --page sample|<corpus page name>, --no-build, --online (let the browser reach
// the live web; by default only 127.0.0.1 is reachable), --headless (a smoke test without a display).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extensionDir, findBrowser, launchChromium, launchFirefox, type BrowserName } from './lib/browsers.ts';
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
const launchOptions = { headless: values.headless, offline: !values.online };

let close: () => Promise<void>;
let onDisconnect: (handler: () => void) => void;
let extensionOrigin: string;
try {
  if (browserName === 'chromium') {
    const session = await launchChromium(launchOptions);
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(url);
    close = session.close;
    onDisconnect = (handler) => session.context.on('close', handler);
    extensionOrigin = session.extensionOrigin;
  } else {
    const session = await launchFirefox(launchOptions);
    const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    // Ad iframes failing offline can fail puppeteer's navigation although the page loads: the page is what matters.
    await page.goto(url).catch(() => {});
    close = session.close;
    onDisconnect = (handler) => session.browser.on('disconnected', handler);
    extensionOrigin = session.extensionOrigin;
  }
} catch (error) {
  await server.close();
  fail((error as Error).message);
}

const panelHint =
  browserName === 'chromium'
    ? 'click the Claimlens toolbar button (puzzle-piece menu → pin it) to open the side panel'
    : 'click the Claimlens toolbar button (or View → Sidebar → Claimlens) to open the sidebar';
console.log(`
Claimlens is running in ${browserName === 'chromium' ? 'Chromium' : 'Firefox'}${values.headless ? ' (headless)' : ''}.
  Article:    ${url}
  Extension:  ${extensionDir(browserName)} (${extensionOrigin})
  Panel:      ${panelHint};
              or open ${extensionOrigin}sidepanel.html?tabId=<tab id> in a tab
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
