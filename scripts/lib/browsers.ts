// Launch real browsers with the built extension loaded: Chromium through playwright-core (a persistent context is the
// only way to load an unpacked extension), Firefox through puppeteer-core over WebDriver BiDi (playwright-core cannot
// drive stock Firefox). Shared by `npm run dev`, the end-to-end tests and the bench. Recipes: ../shared/PLATFORM.md.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_DEFAULTS_NOT_FOR_PEOPLE, chromiumArgsForPeople, firefoxPrefsForPeople } from './dev-browser.ts';
import { PROJECT_ROOT } from './paths.ts';
import { isLocalUrl } from './serve.ts';

export type BrowserName = 'chromium' | 'firefox';

export const GECKO_ID = 'claimlens@claimlens.local';
/** Pinned through `extensions.webextensions.uuids` so the panel's URL is known before Firefox starts. */
export const FIREFOX_UUID = '4c4a1e3b-6f0e-4d55-9a43-c1a1d0c1a1a5';

/** WXT's build output; `CLAIMLENS_OUTPUT` points the harness at another build (for example a stub while developing). */
export function extensionDir(browser: BrowserName): string {
  const out = process.env.CLAIMLENS_OUTPUT ?? join(PROJECT_ROOT, '.output');
  return join(out, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser binary: `CHROMIUM_PATH` / `FIREFOX_PATH` when set, else the first usual location that exists. */
export function findBrowser(browser: BrowserName): string {
  const envName = browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${envName}=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const candidates = browser === 'chromium' ? CHROMIUM_CANDIDATES : FIREFOX_CANDIDATES;
  const found = candidates.find(executable);
  if (found) return found;
  const pkg = browser === 'chromium' ? 'chromium' : 'firefox-esr';
  throw new Error(
    `No ${browser === 'chromium' ? 'Chromium or Chrome' : 'Firefox'} found (looked at ${candidates.join(', ')}). ` +
      `Install it (Debian: apt-get install -y ${pkg}) or set ${envName}=/path/to/the/browser.`,
  );
}

function requireBuild(dir: string, browser: BrowserName): void {
  try {
    accessSync(join(dir, 'manifest.json'));
  } catch {
    const cmd = browser === 'chromium' ? 'npx wxt build' : 'npx wxt build -b firefox --mv3';
    throw new Error(`No built extension in ${dir}: run \`${cmd}\` (or \`npm run build\`) first.`);
  }
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Where `<a download>` files land (the tests keep them under test-results/). */
  downloadsDir?: string;
  /** Block every host but 127.0.0.1 (default). `npm run dev -- --online` turns it off to try live sites. */
  offline?: boolean;
  /**
   * A browser for a person (`npm run dev`), not a test: no warning bars, Chromium's sandbox kept on unless running as
   * root, Firefox's sidebar as wide as the panel (scripts/lib/dev-browser.ts). Off by default: the tests and the bench
   * launch as they always have.
   */
  forPeople?: boolean;
}

/** The viewport of headless pages: fixed, so screenshots and "below the first screen" mean the same everywhere. */
export const VIEWPORT = { width: 1280, height: 900 };

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://ID/` */
  extensionOrigin: string;
  executablePath: string;
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const executablePath = findBrowser('chromium');
  const dir = options.extensionDir ?? extensionDir('chromium');
  requireBuild(dir, 'chromium');
  const offline = options.offline ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'claimlens-chromium-'));
  const testArgs = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    // Branded Chrome 137+ ignores --load-extension unless this feature is off; Chromium does not need it.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Offline: every host but the local server resolves to nothing, so corpus pages cannot reach the live web.
    ...(offline ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
  ];
  const launch = (people: { sandbox: boolean } | null) =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      // A fixed viewport makes screenshots comparable; a headed window keeps its own size.
      viewport: options.headless === false ? null : VIEWPORT,
      acceptDownloads: true,
      downloadsPath: options.downloadsDir,
      // Playwright passes --disable-extensions by default, which would win over --load-extension.
      ignoreDefaultArgs: ['--disable-extensions', ...(people ? CHROMIUM_DEFAULTS_NOT_FOR_PEOPLE : [])],
      ...(people ? { chromiumSandbox: people.sandbox } : {}),
      args: people ? chromiumArgsForPeople(testArgs, people) : testArgs,
    });
  let context: BrowserContext;
  if (!options.forPeople) context = await launch(null);
  else if (process.getuid?.() === 0) context = await launch({ sandbox: false });
  else {
    try {
      context = await launch({ sandbox: true });
    } catch (error) {
      console.warn(`Chromium did not start with its sandbox (${String(error).split('\n')[0]}); starting it without.`);
      context = await launch({ sandbox: false });
    }
  }
  try {
    // Belt and braces with the resolver rule: abort every request that is not for the local server.
    if (offline) {
      await context.route(
        (url) => !isLocalUrl(url.href),
        (route) => route.abort('internetdisconnected'),
      );
    }
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      extensionOrigin: `chrome-extension://${extensionId}/`,
      executablePath,
      close: async () => {
        await context.close().catch(() => {});
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium started (${executablePath}) but the extension in ${dir} did not load: ${String(error)}`);
  }
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://UUID/` */
  extensionOrigin: string;
  executablePath: string;
  close(): Promise<void>;
}

// Offline: everything but 127.0.0.1 goes to a proxy on the discard port, which refuses it at once (Firefox never
// proxies localhost, network.proxy.allow_hijacking_localhost being false).
const OFFLINE_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.getAddons.cache.enabled': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = findBrowser('firefox');
  const dir = options.extensionDir ?? extensionDir('firefox');
  requireBuild(dir, 'firefox');
  const downloads: Record<string, unknown> = options.downloadsDir
    ? {
        'browser.download.dir': options.downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: options.headless === false ? null : VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...((options.offline ?? true) ? OFFLINE_PREFS : {}),
      ...downloads,
      ...(options.forPeople ? firefoxPrefsForPeople() : {}),
    },
  });
  try {
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close().catch(() => {});
    throw new Error(
      `Firefox started (${executablePath}) but could not install the extension in ${dir}: ${String(error)}`,
    );
  }
  return {
    browser,
    extensionOrigin: `moz-extension://${FIREFOX_UUID}/`,
    executablePath,
    close: () => browser.close().catch(() => {}),
  };
}
