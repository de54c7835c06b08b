// Marking one claim never hides another: on the sample article the reader marks every listed claim unsourced in turn.
// After each mark the panel still lists every claim it listed before, the page paints the marked ones unsourced and
// the rest as untouched (quiet) suggestions, and the content script's own status source (what its hover tooltip shows, answered to the
// panel through `page:state` and painted as highlights) says unsourced for each marked claim.
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import * as js from './page-scripts.ts';
import { act, control, highlights, openPanel, waitForHighlights, waitForPanelItems } from './scenario.ts';

/** The claim texts as the panel lists them (the quote is the item's first text; controls follow it). */
const itemQuotes = `(() => [...document.querySelectorAll('li[data-claim-id]')].map((li) => ({
  id: li.dataset.claimId,
  quote: (li.querySelector('blockquote, q, .quote')?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
})))()`;

export async function runMarkEachScenario(driver: BrowserDriver, url: string): Promise<void> {
  const page = await driver.openPage(url);
  await waitForHighlights(page, url);
  // Text changes outside the article (a ticker, an ad filling its slot) start no new pass, but they move every offset
  // of the page text. The ticker grows by the distance from one highlighted claim to the next, so a claim re-anchored
  // in the new text lands exactly on its neighbour's old offsets: the case that hid the neighbour.
  const first = await page.evaluate<string>(`(() => {
    ${js.RANGES}
    const all = ['suggested', 'unreviewed', 'sourced', 'unsourced'].flatMap((n) => ranges(n));
    all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const block = (r) => r.startContainer.parentElement.closest('p, li, blockquote, div');
    const i = Math.max(0, all.findIndex((r, k) => all[k + 1] && block(r) === block(all[k + 1])));
    const gap = document.createRange();
    gap.setStart(all[i].startContainer, all[i].startOffset);
    gap.setEnd(all[i + 1].startContainer, all[i + 1].startOffset);
    const length = gap.toString().replace(/\\s+/g, ' ').length;
    document.querySelector('.topbar-date').textContent += ' ' + 'Markets live '.repeat(length).slice(0, length - 1);
    return all[i].toString().replace(/\\s+/g, ' ').trim();
  })()`);
  const panel: PageDriver = await openPanel(driver, page.tabId);
  const items = await waitForPanelItems(panel);
  const listed = await panel.evaluate<Array<{ id: string; quote: string }>>(itemQuotes);
  expect(listed.length, 'claims listed').toBe(items.length);
  expect(
    listed.every((i) => i.quote.length > 0),
    `every item shows its quote: ${JSON.stringify(listed)}`,
  ).toBe(true);

  // The claim before the shifted gap first, then every other one.
  const order = [...listed].sort((a, b) => Number(b.quote === first) - Number(a.quote === first));
  expect(order[0]?.quote, 'the claim chosen on the page is listed').toBe(first);
  const marked = new Set<string>();
  for (const claim of order) {
    await act(
      panel,
      claim.quote,
      async () => {
        await (
          await control(panel, js.itemControl(claim.quote, 'button', 'Unsourced'), `"Unsourced" of "${claim.quote}"`)
        ).click();
      },
      `marking "${claim.quote}" unsourced`,
    );
    marked.add(claim.quote);
    // The page paints (and its tooltip reads) each claim with its current status; none disappears.
    let last: js.Highlights | undefined;
    await waitFor(`"${claim.quote}" painted unsourced, every other claim still painted`, async () => {
      last = await highlights(page);
      return (
        listed.every((c) => (marked.has(c.quote) ? last!.unsourced : last!.suggested).includes(c.quote)) || undefined
      );
    }).catch(() => {
      expect(last, `highlights after marking "${claim.quote}"`).toEqual({});
    });
    // The panel keeps every claim.
    let now: Array<{ id: string; quote: string }> = [];
    await waitFor(`all ${listed.length} claims still listed after marking "${claim.quote}"`, async () => {
      now = await panel.evaluate<Array<{ id: string; quote: string }>>(itemQuotes);
      return now.length === listed.length && listed.every((c) => now.some((n) => n.id === c.id)) ? true : undefined;
    }).catch(() => {
      expect(
        now.map((n) => n.quote),
        `panel after marking "${claim.quote}"`,
      ).toEqual(listed.map((c) => c.quote));
    });
  }
  await panel.close();
  await page.close();
}
