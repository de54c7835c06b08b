// The reader marks a claim the finder did not suggest: select a phrase, click "Mark as claim" under it, and the claim
// is highlighted, listed in the panel as marked by the reader, and still there after reloading both.
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import * as js from './page-scripts.ts';
import { highlights, openPanel, waitForHighlights } from './scenario.ts';

/** Part of the sample article's headline (the <h1>), which the finder does not suggest: only the reader marks it. */
export const SAMPLE_PHRASE = 'Threatens to Sue Microsoft After it Drops Twitter';

const BUTTON_HOST = `document.querySelector('claimlens-ui[data-claimlens-ui="selection-button"]')`;

/**
 * Selects the first occurrence of a phrase inside one text node of the page, then lets go of the mouse over it, as a
 * reader's drag would end. Answers 'missing' when the phrase is not on the page and 'suggested' when a highlight
 * already touches its text (marking it would prove nothing), else 'selected'.
 */
function selectPhrase(phrase: string): string {
  return `(() => {
    ${js.RANGES}
    const phrase = ${JSON.stringify(phrase)};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      for (const name of ['suggested', 'unreviewed', 'sourced', 'unsourced']) {
        for (const r of ranges(name)) if (r.intersectsNode(node)) return 'suggested';
      }
      node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const box = range.getBoundingClientRect();
      node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.right, clientY: box.bottom }));
      return 'selected';
    }
    return 'missing';
  })()`;
}

/** The button's host while it is shown. The shadow root is closed: the host is all the page can see of it. */
const shownButton = `(() => {
  const host = ${BUTTON_HOST};
  return host && host.style.display !== 'none' && host.getBoundingClientRect().width > 0 ? host : null;
})()`;
const buttonHidden = `(${BUTTON_HOST}?.style.display ?? 'none') === 'none'`;

/**
 * Selects the phrase and clicks "Mark as claim". The host is as large as its only child, the button, so a click at its
 * centre reaches the button inside the closed shadow root. The button hides once the claim is saved; on failure it
 * stays with an error message instead.
 */
export async function markPhrase(page: PageDriver, phrase: string): Promise<void> {
  await page.bringToFront();
  expect(await page.evaluate<string>(selectPhrase(phrase)), `"${phrase}" on the page, not highlighted yet`).toBe(
    'selected',
  );
  const host = await waitFor('the "Mark as claim" button under the selection', () =>
    page.element(shownButton).then((el) => el ?? undefined),
  );
  await host.click();
  await waitFor('the "Mark as claim" button to hide (claim saved)', () => page.evaluate<boolean>(buttonHidden));
}

/** The panel item showing this phrase, once it is listed as marked by the reader. */
export async function waitForMarkedItem(panel: PageDriver, phrase: string): Promise<js.PanelItem> {
  return waitFor(`"${phrase}" listed as marked by you`, async () => {
    const items = await panel.evaluate<js.PanelItem[] | null>(js.panelItems);
    const item = items?.find((i) => i.text.includes(phrase));
    if (item && !/marked by you/i.test(item.text)) throw new Error(`listed without "marked by you": ${item.text}`);
    return item;
  });
}

/** Waits until the phrase is painted as an unreviewed claim (a fresh manual claim is unreviewed). */
export async function waitForUnreviewedHighlight(page: PageDriver, phrase: string): Promise<void> {
  await waitFor(`"${phrase}" highlighted`, async () => (await highlights(page)).unreviewed.includes(phrase));
}

export async function runMarkingScenario(driver: BrowserDriver, url: string, phrase = SAMPLE_PHRASE): Promise<void> {
  const page = await driver.openPage(url);
  await waitForHighlights(page, url);
  await markPhrase(page, phrase);
  await waitForUnreviewedHighlight(page, phrase);
  const tabId = page.tabId;
  let panel = await openPanel(driver, tabId);
  await waitForMarkedItem(panel, phrase);

  await page.reload();
  await waitForUnreviewedHighlight(page, phrase);
  await panel.close();
  panel = await openPanel(driver, tabId);
  await waitForMarkedItem(panel, phrase);

  await panel.close();
  await page.close();
}
