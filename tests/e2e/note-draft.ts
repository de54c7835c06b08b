// A note typed in the panel is never lost: the reader types and closes the panel at once (well inside the save's
// debounce), reopens it, and the note is there. The page verdict, saved the same way, likewise.
import { waitFor, type BrowserDriver } from './driver.ts';
import * as js from './page-scripts.ts';
import { control, expectItemState, openPanel, waitForHighlights, waitForPanelItems } from './scenario.ts';

const itemQuote = `(() => (document.querySelector('li[data-claim-id] blockquote')?.textContent ?? '').replace(/\\s+/g, ' ').trim())()`;

export async function runNoteDraftScenario(driver: BrowserDriver, url: string): Promise<void> {
  const page = await driver.openPage(url);
  await waitForHighlights(page, url);
  let panel = await openPanel(driver, page.tabId);
  await waitForPanelItems(panel);
  const quote = await waitFor('the first claim quote', () => panel.evaluate<string>(itemQuote));
  const note = `Typed and closed at once (e2e ${driver.name}).`;

  await (await control(panel, js.itemControl(quote, 'textbox', 'Note'), '"Note" textarea')).click();
  await panel.type(note);
  await panel.close(); // no blur, no pause: closed as soon as the last key is typed

  panel = await openPanel(driver, page.tabId);
  await expectItemState(panel, quote, { note }, 'the typed note in the reopened panel');

  const verdict = `Verdict typed and closed at once (e2e ${driver.name}).`;
  await (await control(panel, js.pageControl('button', 'Add a page verdict'), '"Add a page verdict"')).click();
  await waitFor('the verdict field focused', () =>
    panel.evaluate<boolean>(`document.activeElement?.id === 'page-verdict-field'`),
  );
  await panel.type(verdict);
  await panel.close();

  panel = await openPanel(driver, page.tabId);
  await waitFor('the verdict in the reopened panel', () =>
    panel.evaluate<boolean>(
      `document.querySelector('.page-verdict')?.textContent.includes(${JSON.stringify(verdict)}) ?? false`,
    ),
  );
  await panel.close();
  await page.close();
}
