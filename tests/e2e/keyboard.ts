// The reader's loop without a mouse: once the panel is open, every step is a key press in the panel (issue 7,
// "Keyboard and accessibility"). Also home to the small helpers the accessibility and screenshot scenarios share.
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import * as js from './page-scripts.ts';
import { waitForHighlights } from './scenario.ts';

/** Where focus is in the panel, in the reader's terms. */
export interface FocusInfo {
  tag: string | null;
  id: string | null;
  label: string | null;
  /** The quote of the card holding focus (the card itself or a control inside it). */
  cardQuote: string | null;
  onCard: boolean;
  /** Whether the focused element shows a ring (outline or box shadow). */
  ringed: boolean;
}

export const focusInfo = `(() => {
  const norm = (s) => String(s ?? '').replace(/\\s+/g, ' ').trim();
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: null, id: null, label: null, cardQuote: null, onCard: false, ringed: false };
  const card = el.closest('li[data-claim-id]');
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || null,
    label: el.getAttribute('aria-label'),
    cardQuote: card ? norm(card.querySelector('blockquote')?.textContent) : null,
    onCard: el === card,
    ringed: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
})()`;

/** The quotes of the "Claims" list, in order (the blockquote of each card). */
export const cardQuotes = `[...document.querySelectorAll('ul[aria-label="Claims"] > li[data-claim-id] blockquote')]
  .map((q) => q.textContent.replace(/\\s+/g, ' ').trim())`;

/** The evidence links of the card showing this quote. */
export const evidenceOf = (quote: string) => `(() => {
  const norm = (s) => String(s ?? '').replace(/\\s+/g, ' ').trim();
  const card = [...document.querySelectorAll('li[data-claim-id]')]
    .find((li) => norm(li.querySelector('blockquote')?.textContent) === ${JSON.stringify(quote)});
  return card ? [...card.querySelectorAll('ul[aria-label="Evidence"] a[href]')].map((a) => a.href) : null;
})()`;

/** The draft in the evidence field of the card showing this quote (emptied once a link is added). */
export const evidenceDraftOf = (quote: string) => `(() => {
  const norm = (s) => String(s ?? '').replace(/\\s+/g, ' ').trim();
  const card = [...document.querySelectorAll('li[data-claim-id]')]
    .find((li) => norm(li.querySelector('blockquote')?.textContent) === ${JSON.stringify(quote)});
  return card?.querySelector('input[aria-label="Evidence link"]')?.value ?? null;
})()`;

/** Highlighted texts on the article that start below the first screen, in page order. */
const belowTheFold = `(() => {
  ${js.RANGES}
  const out = [];
  for (const name of ['suggested', 'unreviewed', 'sourced', 'unsourced']) {
    for (const r of ranges(name)) {
      const top = r.getBoundingClientRect().top + scrollY;
      if (top > innerHeight) out.push({ top, text: r.toString().replace(/\\s+/g, ' ').trim() });
    }
  }
  return out.sort((a, b) => a.top - b.top).map((h) => h.text);
})()`;

const helpDialog = `(() => {
  const d = document.querySelector('dialog');
  if (!d) return null;
  const by = d.getAttribute('aria-labelledby');
  return { open: d.open, name: by ? document.getElementById(by)?.textContent.trim() : d.getAttribute('aria-label') };
})()`;

export interface ArticleWithPanel {
  page: PageDriver;
  panel: PageDriver;
  tabId: number;
  /** Closes the panel and opens it again on the same tab (a fresh document, state read back from storage). */
  reopenPanel(): Promise<PageDriver>;
}

export async function waitForClaims(panel: PageDriver): Promise<string[]> {
  return waitFor('the panel to list claims', async () => {
    const quotes = await panel.evaluate<string[]>(cardQuotes);
    if (quotes.length > 0) return quotes;
    const shown = await panel.evaluate<string>(`document.querySelector('main')?.innerText.slice(0, 200) ?? ''`);
    throw new Error(`no claims; the panel shows: ${JSON.stringify(shown)}`);
  });
}

/**
 * Opens an article and a panel pinned to its tab. `expect: 'claims'` waits for highlights and the claim list,
 * `'empty'` for one of the panel's settled empty states (not "Reading…"/"Finding…").
 */
export async function openArticleWithPanel(
  driver: BrowserDriver,
  url: string,
  { expect: awaited = 'claims' }: { expect?: 'claims' | 'empty' } = {},
): Promise<ArticleWithPanel> {
  const page = await driver.openPage(url);
  if (awaited === 'claims') await waitForHighlights(page, 'the article');
  const tabId = page.tabId;
  const open = async () => {
    const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    if (awaited === 'claims') await waitForClaims(panel);
    else {
      await waitFor('a settled empty state in the panel', async () => {
        const seen = await panel.evaluate<{ title: string; claims: number }>(`({
          title: document.querySelector('.empty h2')?.textContent ?? '',
          claims: document.querySelectorAll('li[data-claim-id]').length,
        })`);
        if (seen.title && !seen.title.endsWith('…') && seen.claims === 0) return true;
        throw new Error(`empty state "${seen.title}", ${seen.claims} claims listed`);
      });
    }
    return panel;
  };
  const session: ArticleWithPanel = {
    page,
    panel: await open(),
    tabId,
    async reopenPanel() {
      await session.panel.close();
      session.panel = await open();
      return session.panel;
    },
  };
  return session;
}

/** Presses a key in the panel and waits until focus satisfies `check`; returns where focus ended. */
export async function pressUntil(
  panel: PageDriver,
  key: string,
  what: string,
  check: (focus: FocusInfo) => boolean,
): Promise<FocusInfo> {
  await panel.press(key);
  return waitFor(`${what} after pressing ${key}`, async () => {
    const focus = await panel.evaluate<FocusInfo>(focusInfo);
    return check(focus) ? focus : undefined;
  });
}

async function pressed(panel: PageDriver, quote: string): Promise<js.PanelItemState | null> {
  return panel.evaluate<js.PanelItemState | null>(js.itemState(quote));
}

export async function runKeyboardScenario(driver: BrowserDriver, url: string): Promise<void> {
  const note = `Keyboard only: who said this? (e2e ${driver.name})`;
  const evidence = `https://example.org/e2e-${driver.name}/source-report`;
  const session = await openArticleWithPanel(driver, url);
  const { page } = session;
  let panel = session.panel;
  await panel.bringToFront();
  const quotes = await waitForClaims(panel);
  expect(quotes.length, 'claims listed on the sample article').toBeGreaterThan(2);
  const [first, second] = quotes as [string, string];

  // j: the first claim, focused (with a visible ring) and marked current.
  const onFirst = await pressUntil(panel, 'j', 'focus on the first card', (f) => f.onCard && f.cardQuote === first);
  expect(onFirst.ringed, 'the focused card shows a ring').toBe(true);
  expect(await panel.evaluate<string | null>(`document.activeElement.getAttribute('aria-current')`)).toBe('true');

  // u: unsourced, announced through aria-pressed on the toggle buttons; focus stays on the card.
  await panel.press('u');
  await waitFor(
    '"Unsourced" pressed on the first claim',
    async () => (await pressed(panel, first))?.unsourced === 'true',
  );
  expect(await pressed(panel, first)).toMatchObject({ unsourced: 'true', sourced: 'false' });
  await waitFor('focus back on (or still on) the first card', async () => {
    const f = await panel.evaluate<FocusInfo>(focusInfo);
    return f.cardQuote === first || undefined;
  });

  // n: the note; typing there types text, not shortcuts; Esc returns to the card (and the note saves on blur).
  await pressUntil(panel, 'n', 'focus in the note', (f) => f.tag === 'textarea' && f.cardQuote === first);
  await panel.type(note);
  await pressUntil(panel, 'Escape', 'focus back on the card', (f) => f.onCard && f.cardQuote === first);
  expect((await pressed(panel, first))?.note, 'the note as typed (no key taken as a shortcut)').toBe(note);
  expect((await pressed(panel, first))?.unsourced, 'typing "u"/"s" in the note changed no status').toBe('true');

  // e: the evidence field; Enter adds the link, shown in the card.
  await pressUntil(
    panel,
    'e',
    'focus in the evidence field',
    (f) => f.label === 'Evidence link' && f.cardQuote === first,
  );
  await panel.type(evidence);
  await panel.press('Enter');
  await waitFor('the evidence link in the card', async () =>
    (await panel.evaluate<string[] | null>(evidenceOf(first)))?.includes(evidence),
  );
  await waitFor(
    'the evidence field emptied for the next link',
    async () => (await panel.evaluate<string | null>(evidenceDraftOf(first))) === '',
  );
  await pressUntil(panel, 'Escape', 'focus back on the card', (f) => f.onCard && f.cardQuote === first);

  // j/k and the arrows move between cards without wrapping at the top.
  await pressUntil(panel, 'j', 'focus on the second card', (f) => f.onCard && f.cardQuote === second);
  await pressUntil(panel, 'k', 'focus back on the first card', (f) => f.onCard && f.cardQuote === first);
  await pressUntil(panel, 'ArrowDown', 'focus on the second card', (f) => f.onCard && f.cardQuote === second);
  await pressUntil(panel, 'ArrowUp', 'focus on the first card', (f) => f.onCard && f.cardQuote === first);
  await pressUntil(panel, 'k', 'focus staying on the first card', (f) => f.onCard && f.cardQuote === first);

  // Enter on a claim further down the article: the article scrolls to it.
  const below = await page.evaluate<string[]>(belowTheFold);
  const targetIndex = quotes.findIndex((q) => below.includes(q));
  expect(
    targetIndex,
    `a listed claim below the article's first screen; below: ${JSON.stringify(below.slice(0, 3))}`,
  ).toBeGreaterThan(0);
  const target = quotes[targetIndex]!;
  // Keys are sent back to back (faster than any reader), checking each card on the way.
  for (let i = 1; i <= targetIndex; i++) {
    await pressUntil(panel, 'j', `focus on card ${i + 1}`, (f) => f.onCard && f.cardQuote === quotes[i]);
  }
  const scrollBefore = await page.evaluate<number>('scrollY');
  await panel.press('Enter');
  await waitFor('the article scrolled to the claim', async () => {
    const moved = (await page.evaluate<number>('scrollY')) !== scrollBefore;
    return (moved && (await page.evaluate<boolean>(js.claimInViewport(target)))) || undefined;
  });

  // ?: the help dialog, named "Keyboard shortcuts"; Esc closes it. Then / focuses the search, f the filter.
  await panel.press('?');
  await waitFor('the help dialog open', async () => (await panel.evaluate<{ open: boolean } | null>(helpDialog))?.open);
  expect(await panel.evaluate(helpDialog)).toEqual({ open: true, name: 'Keyboard shortcuts' });
  await panel.press('Escape');
  await waitFor(
    'the help dialog closed',
    async () => !(await panel.evaluate<{ open: boolean } | null>(helpDialog))?.open,
  );
  await pressUntil(panel, '/', 'focus in the search', (f) => f.id === 'claim-search' && f.label === 'Search claims');
  await pressUntil(panel, 'Escape', 'focus back on the selected card', (f) => f.onCard);
  await pressUntil(panel, 'f', 'focus on the status filter (the counts)', (f) => f.id === 'filter-unreviewed');
  await pressUntil(panel, 'Escape', 'focus back on the selected card', (f) => f.onCard);

  // Reload the article and the panel: status, note and evidence came back from storage.
  await page.reload();
  await waitFor('highlights after reload', async () =>
    (await page.evaluate<js.Highlights>(js.readHighlights)).unsourced.includes(first),
  );
  panel = await session.reopenPanel();
  let restored: { state: js.PanelItemState | null; evidence: string[] | null } = { state: null, evidence: null };
  await waitFor('status, note and evidence back in the reopened panel', async () => {
    restored = {
      state: await pressed(panel, first),
      evidence: await panel.evaluate<string[] | null>(evidenceOf(first)),
    };
    return (
      (restored.state?.unsourced === 'true' && restored.state.note === note && restored.evidence?.includes(evidence)) ||
      undefined
    );
  }).catch(() => {});
  expect(restored.state, 'the first claim after reload').toMatchObject({ unsourced: 'true', sourced: 'false', note });
  expect(restored.evidence, 'its evidence after reload').toContain(evidence);

  await panel.close();
  await page.close();
}
