// What a browser opened for a person (`npm run dev`, `npm run dev:watch`) does differently from one opened for a test:
// no warning bars, and the Claimlens panel open beside the article from the start. Pure data and small scripts, so
// the launchers (browsers.ts, web-ext.config.ts) stay thin and this can be unit tested. Kept free of heavy imports:
// web-ext.config.ts loads it on every `wxt` command, builds included.

/** How wide the panel is when it opens beside the article (Firefox's sidebar, or the panel's own window). */
export const PANEL_WIDTH = 420;

/** The fixed port of `npm run serve` and `npm run dev:watch`, so WXT's runner can be given the sample's URL. */
export const SAMPLE_PORT = 5280;
export const SAMPLE_URL = `http://127.0.0.1:${SAMPLE_PORT}/sample/`;

/**
 * Playwright's default switches that a person should not see the effect of. `--enable-automation` puts up "Chrome is
 * being controlled by automated test software" (playwright-core 1.65 no longer passes it; named so a later one that
 * does cannot bring the bar back).
 */
export const CHROMIUM_DEFAULTS_NOT_FOR_PEOPLE = ['--enable-automation'];

/**
 * The test launch's switches as a person's launch uses them. Chromium puts up "You are using an unsupported
 * command-line flag" for `--no-sandbox` and `--host-resolver-rules` unless `--test-type` is given, which changes
 * nothing else a reader would notice. With `sandbox` (not running as root) the sandbox stays on.
 */
export function chromiumArgsForPeople(testArgs: readonly string[], { sandbox }: { sandbox: boolean }): string[] {
  const args = sandbox ? testArgs.filter((arg) => arg !== '--no-sandbox') : [...testArgs];
  return [...args, '--test-type'];
}

/**
 * Firefox opens an add-on's sidebar when it is installed (`sidebar_action.open_at_install` defaults to true), at
 * 240 px or so; `sidebar.backupState` is where Firefox keeps the sidebar's width between sessions.
 */
export function firefoxPrefsForPeople(panelWidth = PANEL_WIDTH): Record<string, string> {
  return { 'sidebar.backupState': JSON.stringify({ panelWidth }) };
}

/** Runs in an extension page of the article's window: opens Chrome's side panel there (the global panel, which follows the window's active tab). */
export const OPEN_SIDE_PANEL_SCRIPT = `(async () => {
  try {
    const { id } = await chrome.windows.getCurrent();
    await chrome.sidePanel.open({ windowId: id });
    return '';
  } catch (error) {
    return String(error && error.message ? error.message : error);
  }
})()`;

/** Runs in an extension page: the screen's free area, for `besideBounds`. */
export const SCREEN_SCRIPT = `({ left: screen.availLeft ?? 0, top: screen.availTop ?? 0, width: screen.availWidth, height: screen.availHeight })`;

export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the article's window and the panel's own window go when the side panel cannot be opened: side by side,
 * both the screen's full height, the panel `panelWidth` wide on the right (as Chrome's side panel would be).
 */
export function besideBounds(screen: Bounds, panelWidth = PANEL_WIDTH): { article: Bounds; panel: Bounds } {
  const panel = Math.min(panelWidth, Math.floor(screen.width / 2));
  const article = screen.width - panel;
  return {
    article: { left: screen.left, top: screen.top, width: article, height: screen.height },
    panel: { left: screen.left + article, top: screen.top, width: panel, height: screen.height },
  };
}

/**
 * Runs in an extension page: gives its window these bounds (the whole free screen leaves the article room beside
 * the side panel; Chromium's first window is at most 1050 px wide, and `--start-maximized` needs a window manager).
 */
export function placeWindowScript(bounds: Bounds): string {
  return `(async () => {
  const own = await chrome.windows.getCurrent();
  await chrome.windows.update(own.id, { state: 'normal', ...${JSON.stringify(bounds)} });
})()`;
}

/** Runs in an extension page: opens the panel's page in a window of its own, unfocused, at these bounds if given. */
export function openPanelWindowScript(panelUrl: string, bounds?: Bounds): string {
  return `(async () => {
  const panel = await chrome.windows.create({ url: ${JSON.stringify(panelUrl)}, type: 'popup', focused: false, ...${JSON.stringify(bounds ?? {})} });
  return panel.id;
})()`;
}

/** Environment variables by which `scripts/dev-watch.ts` tells web-ext.config.ts what it found. */
export const DEV_WATCH_ENV = {
  /** The DevTools port `dev-watch.ts` connects to, to open the side panel once WXT's runner has started Chromium. */
  cdpPort: 'CLAIMLENS_DEV_CDP_PORT',
  startUrl: 'CLAIMLENS_DEV_START_URL',
} as const;

/** The parts of WXT's `WebExtConfig` that are set here (`import type` would load wxt's types into every script). */
export interface DevWatchConfig {
  binaries: Record<string, string>;
  startUrls: string[];
  chromiumArgs: string[];
  firefoxPref: Record<string, string>;
}

/**
 * WXT's runner (web-ext) for `npm run dev:watch`: the browsers `CHROMIUM_PATH` / `FIREFOX_PATH` name (dev-watch.ts
 * sets them to what `findBrowser` finds; unset, web-ext looks for `chromium` itself), the sample article as the start
 * page, Chromium without warning bars (as root it needs `--no-sandbox`), and Firefox's sidebar as wide as the panel.
 * With `CLAIMLENS_DEV_CDP_PORT`, Chromium also listens for DevTools there (dev-watch.ts opens the side panel with it).
 */
export function devWatchConfig(env: Record<string, string | undefined>, isRoot: boolean): DevWatchConfig {
  const binaries: Record<string, string> = {};
  if (env.CHROMIUM_PATH) binaries.chrome = binaries.chromium = env.CHROMIUM_PATH;
  if (env.FIREFOX_PATH) binaries.firefox = env.FIREFOX_PATH;
  const cdpPort = env[DEV_WATCH_ENV.cdpPort];
  return {
    binaries,
    startUrls: [env[DEV_WATCH_ENV.startUrl] ?? SAMPLE_URL],
    chromiumArgs: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--test-type',
      ...(cdpPort ? [`--remote-debugging-port=${cdpPort}`] : []),
    ],
    // web-ext writes string prefs into user.js between double quotes without escaping the quotes inside.
    firefoxPref: Object.fromEntries(
      Object.entries(firefoxPrefsForPeople()).map(([name, value]) => [name, value.replaceAll('"', '\\"')]),
    ),
  };
}
