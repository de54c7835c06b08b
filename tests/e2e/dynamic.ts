// A page that changes under the reader (tests/e2e/pages/dynamic.html): the publisher re-renders the article with a
// correction, infinite scroll appends a section, and the site moves to the next story with history.pushState. Stored
// claims must come back on the same words, new text must be scanned, and each URL must show its own claims.
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import * as js from './page-scripts.ts';
import { act, control, openPanel, waitForHighlights } from './scenario.ts';

const STORED = 'Unemployment in the district fell to 4.2 percent';
const APPENDED = 'We built 1,200 new homes last year';
const NEXT_STORY = 'The regional airport handled 3.8 million passengers';

/**
 * The highlighted texts whose ranges still sit in the document. A re-render detaches the old text nodes: a range left
 * on them is stale (collapsed or on detached text) and counts apart, so only real re-anchoring passes.
 */
interface LiveHighlights {
  live: Record<'suggested' | 'unreviewed' | 'sourced' | 'unsourced', string[]>;
  stale: number;
}
const liveHighlights = `(() => {
  ${js.RANGES}
  const norm = (s) => String(s ?? '').replace(/\\s+/g, ' ').trim();
  const out = { live: {}, stale: 0 };
  for (const name of ['suggested', 'unreviewed', 'sourced', 'unsourced']) {
    out.live[name] = [];
    for (const r of ranges(name)) {
      if (r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected) out.stale += 1;
      else out.live[name].push(norm(r.toString()));
    }
  }
  return out;
})()`;

const all = (h: LiveHighlights) => [...h.live.suggested, ...h.live.unreviewed, ...h.live.sourced, ...h.live.unsourced];

async function waitForLive(
  page: PageDriver,
  what: string,
  ok: (h: LiveHighlights) => boolean,
): Promise<LiveHighlights> {
  let last: LiveHighlights | undefined;
  return waitFor(what, async () => {
    last = await page.evaluate<LiveHighlights>(liveHighlights);
    return last.stale === 0 && ok(last) ? last : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; highlights: ${JSON.stringify(last)}`);
  });
}

async function waitForPanel(panel: PageDriver, what: string, ok: (texts: string[]) => boolean): Promise<void> {
  let last: string[] = [];
  await waitFor(what, async () => {
    last = ((await panel.evaluate<js.PanelItem[] | null>(js.panelItems)) ?? []).map((i) => i.text);
    return ok(last);
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; panel: ${JSON.stringify(last.map((t) => t.slice(0, 80)))}`);
  });
}

export async function runDynamicScenario(driver: BrowserDriver, url: string): Promise<void> {
  const page = await driver.openPage(url);
  const first = await waitForHighlights(page, 'the dynamic page');
  const claim = [...first.suggested, ...first.unreviewed, ...first.sourced, ...first.unsourced].find((h) =>
    h.includes(STORED),
  );
  expect(claim, `a highlighted claim containing "${STORED}"; highlights: ${JSON.stringify(first)}`).toBeTruthy();
  const quote = claim!;

  // Store the claim: tag it unsourced.
  const tabId = page.tabId;
  const panel = await openPanel(driver, tabId);
  await act(
    panel,
    quote,
    async () => {
      await (await control(panel, js.itemControl(quote, 'button', 'Unsourced'), '"Unsourced" button')).click();
    },
    'tagging unsourced',
  );
  await waitForLive(page, 'the claim in the unsourced highlight', (h) => h.live.unsourced.includes(quote));

  // (a) The publisher re-renders the article: two paragraphs inserted before it, a typo fixed in another paragraph.
  await page.evaluate('window.harbour.correct()');
  expect(
    await page.evaluate<boolean>(`document.body.textContent.includes('filled the gallery')`),
    'the page corrected itself',
  ).toBe(true);
  await waitForLive(
    page,
    'the stored claim re-anchored on the same words after the re-render',
    (h) => h.live.unsourced.length === 1 && h.live.unsourced[0] === quote,
  );

  // (b) Infinite scroll: reaching the bottom appends a section whose quote carries a figure.
  await page.bringToFront();
  await page.evaluate('scrollTo(0, document.documentElement.scrollHeight)');
  await waitFor('the page to append its next section', () =>
    page.evaluate<boolean>(`!!document.querySelector('section.more')`),
  );
  await waitForLive(page, 'the appended quote highlighted', (h) => all(h).some((t) => t.includes(APPENDED)));
  await waitForLive(page, 'the stored claim still unsourced', (h) => h.live.unsourced.includes(quote));

  // (c) A single-page-app navigation to the next story: the new URL's claims, none of the old one's.
  await (await control(page, `document.getElementById('next-story')`, '"Next story" link')).click();
  await waitFor('the pushState navigation', () => page.evaluate<boolean>(`location.search === '?story=2'`));
  await waitForLive(
    page,
    'the next story highlighted, the old claim gone',
    (h) =>
      all(h).some((t) => t.includes(NEXT_STORY)) && !all(h).some((t) => t.includes(STORED) || t.includes(APPENDED)),
  );
  await waitForPanel(
    panel,
    'the panel listing the next story only',
    (texts) =>
      texts.some((t) => t.includes(NEXT_STORY)) && !texts.some((t) => t.includes(STORED) || t.includes(APPENDED)),
  );
  // The panel files what the reader does under the page URL it was given (its heading's tooltip): the new one.
  await waitFor('the panel on the new URL', () =>
    panel.evaluate<boolean>(`document.querySelector('h1')?.title === ${JSON.stringify(url + '?story=2')}`),
  );

  // Back to the first story (popstate): its stored claim comes back, tagged as before.
  await page.evaluate('history.back()');
  await waitFor('the navigation back', () => page.evaluate<boolean>(`location.search === ''`));
  await waitForLive(
    page,
    'the stored claim back in the unsourced highlight',
    (h) => h.live.unsourced.includes(quote) && !all(h).some((t) => t.includes(NEXT_STORY)),
  );
  await waitForPanel(
    panel,
    'the panel listing the first story again',
    (texts) => texts.some((t) => t.includes(STORED)) && !texts.some((t) => t.includes(NEXT_STORY)),
  );
  await waitFor(
    'the stored claim tagged unsourced in the panel',
    async () => (await panel.evaluate<js.PanelItemState | null>(js.itemState(quote)))?.unsourced === 'true',
  );

  await panel.close();
  await page.close();
}
