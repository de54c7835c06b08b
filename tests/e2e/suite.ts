import { afterAll, afterEach, describe, it } from 'vitest';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_PAGES_DIR } from '../../scripts/lib/paths.ts';
import type { BrowserName } from '../../scripts/lib/browsers.ts';
import { corpusPageExists, startServer, type PageServer } from '../../scripts/lib/serve.ts';
import type { BrowserDriver } from './driver.ts';
import { articleCases, CORPUS_PAGES } from './cases.ts';
import { ARTIFACTS_DIR, runArticleScenario } from './scenario.ts';
import { runMarkingScenario } from './marking.ts';
import { runImportScenario } from './import.ts';
import { runDurabilityScenario } from './durability.ts';
import { runDynamicScenario } from './dynamic.ts';
import { runKeyboardScenario } from './keyboard.ts';
import { runA11yScenario } from './a11y.ts';
import { runScreenshots } from './screenshots.ts';
import { runEncoderScenario } from './encoder.ts';
import { runMarkEachScenario } from './mark-each.ts';
import { runNoteDraftScenario } from './note-draft.ts';
import { runPanelLayoutScenario } from './panel-layout.ts';

/** Artifacts of an earlier run would pass for this run's: each browser starts from a clean slate. */
function clearArtifacts(browser: BrowserName): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const file of readdirSync(ARTIFACTS_DIR)) {
    if (file.startsWith(`${browser}-`)) rmSync(join(ARTIFACTS_DIR, file), { force: true });
  }
  const downloads = join(ARTIFACTS_DIR, 'downloads', browser);
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  return downloads;
}

/** One describe block per browser; a browser that cannot start fails every test (never a skip). */
export function describeBrowser(
  browser: BrowserName,
  label: string,
  launch: (downloadsDir: string) => Promise<BrowserDriver>,
): void {
  describe(`claims end to end in ${label}`, () => {
    // Started by the first test rather than in beforeAll: Vitest reports the tests of a failed hook as skipped, and a
    // browser that cannot start must fail every test.
    let started: Promise<{ server: PageServer; driver: BrowserDriver }> | undefined;
    const start = () =>
      (started ??= (async () => {
        const missing = CORPUS_PAGES.filter((page) => !corpusPageExists(page));
        if (missing.length)
          throw new Error(`Corpus pages missing: ${missing.join(', ')} (expected in ${CORPUS_PAGES_DIR})`);
        const downloads = clearArtifacts(browser);
        const server = await startServer();
        try {
          return { server, driver: await launch(downloads) };
        } catch (error) {
          await server.close();
          throw error;
        }
      })());

    // A test that fails half-way leaves its tabs open; the next one must start from a clean browser.
    afterEach(async () => {
      const session = await started?.catch(() => undefined);
      await session?.driver.closePages();
    });

    afterAll(async () => {
      const session = await started?.catch(() => undefined);
      await session?.driver.close();
      await session?.server.close();
    });

    // The cases need the server's port, known only once it runs: name them up front, resolve them in the test.
    for (const caseName of ['sample', ...CORPUS_PAGES]) {
      it(`${caseName}: highlight, tag unsourced with a note, reload, export`, async () => {
        const { server, driver } = await start();
        const article = articleCases(server).find((c) => c.name === caseName)!;
        await runArticleScenario(driver, article);
      });
    }

    // Each scenario below works on its own copy of the sample (a query parameter makes it another page to storage).
    it('sample: keyboard-only loop (mark, note, evidence, move, show on page, help, search), reload', async () => {
      const { server, driver } = await start();
      await runKeyboardScenario(driver, `${server.sampleUrl}?e2e=keyboard`);
    });
    it('panel layout: >= 8 claims in sight at 360 × 800, one opens at a time, nothing overflows at 200 and 230 px', async () => {
      const { server, driver } = await start();
      await runPanelLayoutScenario(driver, `${server.sampleUrl}?e2e=layout`);
    });
    it('panel states pass axe-core in light and dark (rows and first-run hint, verdict editor, selected, help, library, settings, empty)', async () => {
      const { server, driver } = await start();
      // The server's bare "Not found" text: a page with no article (an empty state).
      await runA11yScenario(driver, `${server.sampleUrl}?e2e=a11y`, `${server.origin}/e2e-no-article`);
    });
    if (browser === 'chromium') {
      it('README screenshots: panel light and dark, article with highlights (UPDATE_SCREENSHOTS=1 writes docs/)', async () => {
        const { server, driver } = await start();
        await runScreenshots(driver, `${server.sampleUrl}?e2e=screenshots`);
      });
    }

    it('sample: mark a selection as a claim, highlighted, listed as marked by you, kept after reload', async () => {
      const { server, driver } = await start();
      await runMarkingScenario(driver, `${server.sampleUrl}?e2e=marking`);
    });

    if (browser === 'chromium') {
      it('sample: nothing lost when the service worker is stopped between actions (DevTools protocol)', async () => {
        const { server, driver } = await start();
        await runDurabilityScenario(driver, `${server.sampleUrl}?e2e=durability`);
      });
    }

    it('sample: marking each claim in turn keeps every other claim listed and painted with its current status', async () => {
      const { server, driver } = await start();
      await runMarkEachScenario(driver, `${server.sampleUrl}?e2e=mark-each`);
    });

    it('encoder: claims:score ranks a check-worthy sentence above chatter, cold and warm, and refuses oversize requests', async () =>
      runEncoderScenario((await start()).driver));

    it('sample: a note and a page verdict typed and the panel closed at once are there when the panel reopens', async () => {
      const { server, driver } = await start();
      await runNoteDraftScenario(driver, `${server.sampleUrl}?e2e=note-draft`);
    });

    it('backup import through the panel: parsed and written by the worker, then found by the Library search', async () =>
      runImportScenario((await start()).driver));

    it('dynamic page: re-anchors after a re-render, scans infinite scroll, follows SPA navigation', async () => {
      const { server, driver } = await start();
      await runDynamicScenario(driver, `${server.origin}/e2e/dynamic.html`);
    });
  });
}
