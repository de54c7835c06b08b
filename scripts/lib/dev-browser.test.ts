// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  besideBounds,
  CHROMIUM_DEFAULTS_NOT_FOR_PEOPLE,
  chromiumArgsForPeople,
  devWatchConfig,
  firefoxPrefsForPeople,
  OPEN_SIDE_PANEL_SCRIPT,
  openPanelWindowScript,
  PANEL_WIDTH,
  placeWindowScript,
  SAMPLE_URL,
} from './dev-browser.ts';

/** Runs one of the scripts meant for an extension page against a stand-in `chrome`. */
function run(script: string, chrome: unknown): Promise<unknown> {
  return (new Function('chrome', `return ${script}`) as (chrome: unknown) => Promise<unknown>)(chrome);
}

const TEST_ARGS = ['--load-extension=/x', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'];

describe('a browser for people', () => {
  it('drops the automation switch that puts up "controlled by automated test software"', () => {
    expect(CHROMIUM_DEFAULTS_NOT_FOR_PEOPLE).toContain('--enable-automation');
  });

  it('keeps the test switches, silences the bars about them, and keeps the sandbox when it can', () => {
    const asRoot = chromiumArgsForPeople(TEST_ARGS, { sandbox: false });
    expect(asRoot).toEqual([...TEST_ARGS, '--test-type']);
    const asUser = chromiumArgsForPeople(TEST_ARGS, { sandbox: true });
    expect(asUser).toEqual([
      '--load-extension=/x',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--test-type',
    ]);
    expect(TEST_ARGS).toContain('--no-sandbox'); // the tests' own list is left alone
  });

  it("sets Firefox's sidebar as wide as the panel", () => {
    const state = firefoxPrefsForPeople()['sidebar.backupState'];
    expect(JSON.parse(state ?? '')).toEqual({ panelWidth: PANEL_WIDTH });
  });

  it('puts the panel window on the right of the article window, both full height, together the whole screen', () => {
    const { article, panel } = besideBounds({ left: 0, top: 24, width: 1600, height: 976 });
    expect(article).toEqual({ left: 0, top: 24, width: 1600 - PANEL_WIDTH, height: 976 });
    expect(panel).toEqual({ left: 1600 - PANEL_WIDTH, top: 24, width: PANEL_WIDTH, height: 976 });
    // On a narrow screen the panel takes half at most.
    expect(besideBounds({ left: 100, top: 0, width: 600, height: 800 }).panel).toEqual({
      left: 400,
      top: 0,
      width: 300,
      height: 800,
    });
  });
});

describe('scripts for an extension page', () => {
  it("opens the side panel in the page's own window, or says why not", async () => {
    const open = vi.fn(() => Promise.resolve());
    const chrome = { windows: { getCurrent: () => Promise.resolve({ id: 7 }) }, sidePanel: { open } };
    expect(await run(OPEN_SIDE_PANEL_SCRIPT, chrome)).toBe('');
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    open.mockRejectedValueOnce(new Error('`sidePanel.open()` may only be called in response to a user gesture.'));
    expect(await run(OPEN_SIDE_PANEL_SCRIPT, chrome)).toMatch(/user gesture/);
  });

  it('places its window and opens the panel in a popup window of its own', async () => {
    const update = vi.fn(() => Promise.resolve());
    const create = vi.fn(() => Promise.resolve({ id: 9 }));
    const chrome = { windows: { getCurrent: () => Promise.resolve({ id: 7 }), update, create } };
    const { article, panel } = besideBounds({ left: 0, top: 0, width: 1600, height: 1000 });
    await run(placeWindowScript(article), chrome);
    expect(update).toHaveBeenCalledWith(7, { state: 'normal', ...article });
    expect(await run(openPanelWindowScript('chrome-extension://id/sidepanel.html?tabId=3', panel), chrome)).toBe(9);
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://id/sidepanel.html?tabId=3',
      type: 'popup',
      focused: false,
      ...panel,
    });
  });
});

describe("WXT's runner (npm run dev:watch)", () => {
  it('starts on the sample article with the browsers found, and no --no-sandbox unless root', () => {
    const config = devWatchConfig({ CHROMIUM_PATH: '/usr/bin/chromium', FIREFOX_PATH: '/usr/bin/firefox-esr' }, false);
    expect(config.startUrls).toEqual([SAMPLE_URL]);
    expect(config.binaries).toEqual({
      chrome: '/usr/bin/chromium',
      chromium: '/usr/bin/chromium',
      firefox: '/usr/bin/firefox-esr',
    });
    expect(config.chromiumArgs).toEqual(['--test-type']);
    expect(devWatchConfig({}, true).chromiumArgs).toEqual(['--no-sandbox', '--test-type']);
    expect(devWatchConfig({}, true).binaries).toEqual({});
  });

  it('opens a DevTools port only when dev-watch.ts asks for one', () => {
    expect(devWatchConfig({ CLAIMLENS_DEV_CDP_PORT: '9333' }, false).chromiumArgs).toContain(
      '--remote-debugging-port=9333',
    );
  });

  it("escapes Firefox's string prefs for the user.js web-ext writes", () => {
    const written = devWatchConfig({}, false).firefoxPref['sidebar.backupState'] ?? '';
    // user.js reads "…\"…" back as the JSON itself.
    expect(JSON.parse(written.replaceAll('\\"', '"'))).toEqual({ panelWidth: PANEL_WIDTH });
    expect(written).not.toMatch(/(^|[^\\])"/);
  });
});
