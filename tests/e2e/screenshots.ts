// The README's pictures, made by the real extension in Chromium: the panel in light and dark at a side panel's width
// (one claim unsourced with a note, one sourced with evidence) and the sample article with its highlights.
// `UPDATE_SCREENSHOTS=1 npm run test:e2e` writes them to docs/screenshots/; otherwise they land in test-results/e2e/.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';
import { waitFor, type BrowserDriver } from './driver.ts';
import { evidenceDraftOf, evidenceOf, openArticleWithPanel, pressUntil } from './keyboard.ts';
import * as js from './page-scripts.ts';
import { ARTIFACTS_DIR, control } from './scenario.ts';

export const SCREENSHOTS_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');
/** They are committed: keep the repository light. */
const MAX_BYTES = 150_000;
const NOTE = 'Where did Musk say this? The article links no post or statement.';
const EVIDENCE = 'https://www.reuters.com/technology/';
const VERDICT = 'Newsworthy but thin: the threat rests on one unlinked tweet; the API prices need a source.';

/** Scrolls the article so the highlight with this text sits near the top of the window. */
const scrollToHighlight = (quote: string) => `(() => {
  for (const h of CSS.highlights.values()) {
    for (const r of h) {
      if (r.toString().replace(/\\s+/g, ' ').trim() !== ${JSON.stringify(quote)}) continue;
      scrollTo(0, r.getBoundingClientRect().top + scrollY - 40);
      return true;
    }
  }
  return false;
})()`;

export async function runScreenshots(driver: BrowserDriver, url: string): Promise<void> {
  const update = process.env.UPDATE_SCREENSHOTS === '1';
  const dir = update ? SCREENSHOTS_DIR : ARTIFACTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, update ? `${name}.png` : `${driver.name}-readme-${name}.png`);

  const { page, panel } = await openArticleWithPanel(driver, url);
  await panel.setViewport(360, 720);
  await panel.bringToFront();

  // First claim unsourced with a note, second sourced with evidence; all from the keyboard.
  const first = await pressUntil(panel, 'j', 'the first card', (f) => f.onCard);
  await panel.press('u');
  await pressUntil(panel, 'n', 'the note', (f) => f.tag === 'textarea');
  await panel.type(NOTE);
  await pressUntil(panel, 'Escape', 'the card', (f) => f.onCard);
  const second = await pressUntil(panel, 'j', 'the second card', (f) => f.onCard && f.cardQuote !== first.cardQuote);
  await panel.press('s');
  await pressUntil(panel, 'e', 'the evidence field', (f) => f.label === 'Evidence link');
  await panel.type(EVIDENCE);
  await panel.press('Enter');
  await waitFor('the evidence link', async () =>
    (await panel.evaluate<string[] | null>(evidenceOf(second.cardQuote!)))?.includes(EVIDENCE),
  );
  await waitFor(
    'the evidence field emptied',
    async () => (await panel.evaluate<string | null>(evidenceDraftOf(second.cardQuote!))) === '',
  );
  await pressUntil(panel, 'Escape', 'the card', (f) => f.onCard);
  await pressUntil(panel, 'k', 'the first card again', (f) => f.onCard && f.cardQuote === first.cardQuote);
  await waitFor('both judgements saved and highlighted on the article', async () => {
    const h = await page.evaluate<js.Highlights>(js.readHighlights);
    const saved = await panel.evaluate<string>(
      `[...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ')`,
    );
    return h.unsourced.includes(first.cardQuote!) && h.sourced.includes(second.cardQuote!) && !saved.includes('Saving');
  });
  // A returning reader's panel: the first-run hint closed, a verdict on the whole article.
  await (await control(panel, js.pageControl('button', 'Got it'), '"Got it"')).click();
  await (await control(panel, js.pageControl('button', 'Add a page verdict'), '"Add a page verdict"')).click();
  await waitFor('the verdict field focused', () =>
    panel.evaluate<boolean>(`document.activeElement?.id === 'page-verdict-field'`),
  );
  await panel.type(VERDICT);
  await (await control(panel, js.pageControl('button', 'Done'), '"Done"')).click();
  await waitFor('the verdict shown', () =>
    panel.evaluate<boolean>(`document.querySelector('.page-verdict')?.textContent.includes('Newsworthy') ?? false`),
  );
  await pressUntil(panel, 'Escape', 'the first card again', (f) => f.onCard && f.cardQuote === first.cardQuote);
  await panel.evaluate('scrollTo(0, 0)');

  await panel.emulateColorScheme('light');
  await panel.screenshot(file('panel-light'));
  await panel.emulateColorScheme('dark');
  await panel.screenshot(file('panel-dark'));
  await panel.emulateColorScheme('light');

  await page.setViewport(1024, 640);
  await page.bringToFront();
  expect(await page.evaluate<boolean>(scrollToHighlight(first.cardQuote!)), 'the unsourced claim on the article').toBe(
    true,
  );
  await page.screenshot(file('page-highlights'));

  for (const name of ['panel-light', 'panel-dark', 'page-highlights']) {
    const size = statSync(file(name)).size;
    expect(size, `${file(name)}: size`).toBeGreaterThan(5_000);
    expect(size, `${file(name)}: under ${MAX_BYTES} bytes (it is committed)`).toBeLessThan(MAX_BYTES);
  }
  await panel.close();
  await page.close();
}
