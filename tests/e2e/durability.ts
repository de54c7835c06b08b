// Nothing a reader does lives only in the MV3 service worker's memory: Chromium stops an idle worker at any moment, so
// the test stops it through the DevTools protocol between every two actions, then reloads everything and checks that
// the tag, the note and the marked claim all came back.
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import { markPhrase, SAMPLE_PHRASE, waitForMarkedItem, waitForUnreviewedHighlight } from './marking.ts';
import * as js from './page-scripts.ts';
import { act, control, highlights, openPanel, waitForHighlights, waitForPanelItems } from './scenario.ts';

/** A suggestion of the sample article (this test has its own copy of the page: `?e2e=durability`). */
const TAGGED = '$42,000 and $210,000 per month';
/** Part of the headline: not a suggestion, so only the reader's mark makes it a claim. */
const MARKED = SAMPLE_PHRASE;

async function reopenPanel(driver: BrowserDriver, panel: PageDriver, tabId: number): Promise<PageDriver> {
  await panel.close();
  return openPanel(driver, tabId);
}

export async function runDurabilityScenario(driver: BrowserDriver, url: string): Promise<void> {
  const worker = driver.serviceWorker;
  if (!worker) throw new Error(`${driver.name}: the driver cannot stop the extension's service worker`);
  const note = `Figures need the API price list (e2e durability ${driver.name}).`;

  const page = await driver.openPage(url);
  const first = await waitForHighlights(page, url);
  const all = [...first.suggested, ...first.unreviewed, ...first.sourced, ...first.unsourced];
  const claim = all.find((h) => h.includes(TAGGED));
  expect(claim, `a highlighted claim containing "${TAGGED}"; highlights: ${JSON.stringify(all)}`).toBeTruthy();
  const quote = claim!;
  const tabId = page.tabId;
  let panel = await openPanel(driver, tabId);
  await waitForPanelItems(panel);

  // 1. Tag the claim sourced with the worker stopped; the page's highlight follows once the worker answers again.
  await worker.stop(); // fails unless the browser reports the worker stopped
  await act(
    panel,
    quote,
    async () => {
      await (await control(panel, js.itemControl(quote, 'button', 'Sourced'), '"Sourced" button')).click();
    },
    'tagging sourced',
  );
  await waitFor('the claim in the sourced highlight', async () => (await highlights(page)).sourced.includes(quote));

  // 2. Write a note.
  await worker.stop(); // fails unless the browser reports the worker stopped
  await act(
    panel,
    quote,
    async () => {
      await (await control(panel, js.itemControl(quote, 'textbox', 'Note'), '"Note" textarea')).click();
      await panel.type(note);
      await panel.press('Tab');
    },
    'writing the note',
  );

  // 3. Mark a selection: only the background can store it (`claim:create`), so the worker has to wake up.
  await worker.stop(); // fails unless the browser reports the worker stopped
  const startsBefore = worker.starts();
  await markPhrase(page, MARKED);
  expect(worker.starts(), 'the service worker woke up to store the marked claim').toBeGreaterThan(startsBefore);
  await waitForUnreviewedHighlight(page, MARKED);
  await waitForMarkedItem(panel, MARKED);

  // 4. Stop it once more, then reload the article and the panel: all three changes are there.
  await worker.stop(); // fails unless the browser reports the worker stopped
  const startsBeforeReload = worker.starts();
  await page.reload();
  await waitFor('the tagged claim back in the sourced highlight', async () =>
    (await highlights(page)).sourced.includes(quote),
  );
  expect(worker.starts(), 'a fresh service worker served the reloaded page').toBeGreaterThan(startsBeforeReload);
  await waitForUnreviewedHighlight(page, MARKED);
  panel = await reopenPanel(driver, panel, tabId);
  let restored: js.PanelItemState | null = null;
  await waitFor('the status and note back in the reloaded panel', async () => {
    restored = await panel.evaluate<js.PanelItemState | null>(js.itemState(quote));
    return restored?.sourced === 'true' && restored.note === note;
  }).catch(() => {});
  expect(restored, 'the tagged item after reloading').toMatchObject({ sourced: 'true', unsourced: 'false', note });
  await waitForMarkedItem(panel, MARKED);

  await panel.close();
  await page.close();
}
