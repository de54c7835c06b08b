// The end-to-end story, written once and run in both browsers: claims are highlighted on an article, the reader tags
// one unsourced with a note in the panel, both come back after reloading, "Show on page" brings the claim into view,
// and the Markdown export carries the claim, its status and the note.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';
import { waitFor, type ArticlePage, type BrowserDriver, type PageDriver } from './driver.ts';
import * as js from './page-scripts.ts';

export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-results', 'e2e');

export interface ArticleCase {
  /** Short name used in artifact file names: `sample`, `bbc-1`... */
  name: string;
  url: string;
  /** The claim to tag: the first highlighted claim containing this text, else the first one listed in the panel. */
  pick?: string;
  /** Texts that must each be inside some highlight. */
  mustHighlight?: string[];
  /** Elements no highlight may touch. */
  junk?: string[];
  /** Texts no highlight may contain. */
  mustNotHighlight?: string[];
}

const allHighlighted = (h: js.Highlights) => [...h.suggested, ...h.unreviewed, ...h.sourced, ...h.unsourced];

export async function highlights(page: PageDriver): Promise<js.Highlights> {
  return page.evaluate<js.Highlights>(js.readHighlights);
}

/**
 * Waits for the content script's first complete pass (quick look, then Readability's body and the encoder's scores,
 * which may change the choice); fails clearly when highlights are invisible from the main world.
 */
export async function waitForHighlights(page: ArticlePage, what: string): Promise<js.Highlights> {
  // A cold model load (offscreen document, WebAssembly) on a busy machine takes a while: a generous ceiling.
  await waitFor(`the finder's refined pass on ${what}`, async () => ((await page.state())?.passes.finished ?? 0) > 0, {
    timeout: 120_000,
  });
  return waitFor(`claim highlights on ${what}`, async () => {
    const h = await highlights(page);
    if (!h.supported) throw new Error('CSS.highlights is not available in the page main world');
    return allHighlighted(h).length > 0 ? h : undefined;
  });
}

export async function openPanel(driver: BrowserDriver, tabId: number): Promise<PageDriver> {
  const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await waitForPanelItems(panel);
  return panel;
}

export async function waitForPanelItems(panel: PageDriver): Promise<js.PanelItem[]> {
  return waitFor('the panel to list claims (list named "Claims" with li[data-claim-id])', async () => {
    const items = await panel.evaluate<js.PanelItem[] | null>(js.panelItems);
    return items && items.length > 0 ? items : undefined;
  });
}

export async function control(page: PageDriver, expression: string, what: string) {
  return waitFor(what, () => page.element(expression).then((el) => el ?? undefined));
}

/** Waits for the item's live region to announce "Saved" after the action; tolerates a region that keeps the word. */
export async function act(panel: PageDriver, quote: string, action: () => Promise<void>, what: string): Promise<void> {
  await waitFor('the item live region (role="status")', () => panel.evaluate<boolean>(js.watchStatus(quote)));
  await action();
  await waitFor(`"Saved" after ${what}`, async () => {
    if ((await panel.evaluate<number>(js.savedSinceWatch)) > 0) return true;
    return undefined;
  }).catch(async (error: unknown) => {
    // A region that already read "Saved" and never changed: accept it (the reload below is the real proof).
    const state = await panel.evaluate<js.PanelItemState | null>(js.itemState(quote));
    if (state?.status !== 'Saved') throw error;
  });
}

/** Polls the item's state until it matches, then asserts on what was last seen (so a failure shows it). */
export async function expectItemState(
  panel: PageDriver,
  quote: string,
  expected: Partial<js.PanelItemState>,
  what: string,
): Promise<void> {
  let last: js.PanelItemState | null = null;
  await waitFor(what, async () => {
    last = await panel.evaluate<js.PanelItemState | null>(js.itemState(quote));
    return (
      last !== null && Object.entries(expected).every(([key, value]) => last![key as keyof js.PanelItemState] === value)
    );
  }).catch(() => {});
  expect(last, what).toMatchObject(expected);
}

/** Undoes Markdown's backslash escapes so a claim's text can be found in the export. */
const unescapeMarkdown = (md: string) => md.replace(/\\([\\`*_{}[\]()#+\-.!&<>|~$])/g, '$1').replace(/\s+/g, ' ');

export async function runArticleScenario(driver: BrowserDriver, article: ArticleCase): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const shot = (step: string) => join(ARTIFACTS_DIR, `${driver.name}-${article.name}-${step}.png`);
  const note = `No source for this in the article (e2e ${driver.name} ${article.name}).`;
  const started = Date.now();
  // E2E_TRACE=1 prints when each step ends: where a slow or stuck run spends its time.
  const trace = (step: string) => {
    if (process.env.E2E_TRACE) console.log(`[${driver.name} ${article.name}] ${Date.now() - started} ms: ${step}`);
  };

  // 1. The article: claims are highlighted, the expected ones included, junk excluded.
  const page = await driver.openPage(article.url);
  const first = await waitForHighlights(page, article.name);
  const highlighted = allHighlighted(first);
  for (const text of article.mustHighlight ?? []) {
    expect(
      highlighted.some((h) => h.includes(text)),
      `"${text}" highlighted; highlights: ${JSON.stringify(highlighted)}`,
    ).toBe(true);
  }
  for (const text of article.mustNotHighlight ?? []) {
    expect(
      highlighted.filter((h) => h.includes(text)),
      `highlights containing "${text}"`,
    ).toEqual([]);
  }
  if (article.junk)
    expect(await page.evaluate<string[]>(js.highlightsInside(article.junk)), 'highlights in junk').toEqual([]);
  await page.bringToFront();
  await page.screenshot(shot('1-page'));
  trace('highlights checked');

  // 2. The panel following that tab: tag one claim unsourced and write a note.
  const tabId = page.tabId;
  let panel = await openPanel(driver, tabId);
  const items = await waitForPanelItems(panel);
  const inPanel = (h: string) => h.length >= 12 && items.some((item) => item.text.includes(h));
  const quote =
    (article.pick && highlighted.find((h) => h.includes(article.pick!) && inPanel(h))) ?? highlighted.find(inPanel);
  expect(quote, `a highlighted claim listed in the panel; panel: ${JSON.stringify(items.slice(0, 5))}`).toBeTruthy();
  const claim = quote!;

  await act(
    panel,
    claim,
    async () => {
      await (await control(panel, js.itemControl(claim, 'button', 'Unsourced'), '"Unsourced" button')).click();
    },
    'tagging unsourced',
  );
  trace('tagged unsourced');
  // The toggles follow storage through liveQuery, which may land after the "Saved" announcement on a busy machine.
  await expectItemState(panel, claim, { unsourced: 'true', sourced: 'false' }, 'the Unsourced toggle pressed');
  await waitFor('the claim in the unsourced highlight', async () => (await highlights(page)).unsourced.includes(claim));

  await act(
    panel,
    claim,
    async () => {
      await (await control(panel, js.itemControl(claim, 'textbox', 'Note'), '"Note" textarea')).click();
      await panel.type(note);
      await panel.press('Tab'); // blur saves at once
    },
    'writing the note',
  );
  await panel.bringToFront();
  await panel.screenshot(shot('2-panel'));
  trace('note written');

  // 3. Reload the article and the panel: highlight, status and note come back.
  await page.reload();
  await waitFor('the claim back in the unsourced highlight after reload', async () => {
    const h = await highlights(page);
    return h.unsourced.includes(claim) ? true : undefined;
  });
  expect(
    allHighlighted(await highlights(page)).filter((h) => h === claim),
    'a tagged claim painted once, as unsourced',
  ).toEqual([claim]);
  // The page's own scripts see highlight names that say nothing of the verdict, and no Claimlens timing entries.
  const traces = await page.evaluate<{ names: string[]; entries: string[] }>(js.pageTraces);
  expect(traces.names.length, 'highlights in the registry').toBeGreaterThan(0);
  for (const name of traces.names)
    expect(name, 'a highlight name the page can read').not.toMatch(/claim|sourced|review|focus/i);
  expect(traces.entries, 'performance entries naming Claimlens').toEqual([]);
  await panel.close();
  panel = await openPanel(driver, tabId);
  // The panel may list claims before their stored state arrives: poll for the state.
  await expectItemState(
    panel,
    claim,
    { unsourced: 'true', sourced: 'false', note },
    'the status and note back in the reloaded panel',
  );
  trace('state back after reload');

  // 4. "Show on page" brings the claim into view.
  await (await control(panel, js.itemControl(claim, 'button', 'Show on page'), '"Show on page" button')).click();
  await waitFor('the claim scrolled into view', () => page.evaluate<boolean>(js.claimInViewport(claim)));
  await page.bringToFront();
  await page.screenshot(shot('3-page-reloaded'));
  trace('shown on page');

  // 5. The Markdown export carries the claim, its status and the note.
  await panel.bringToFront();
  await panel.screenshot(shot('4-panel-reloaded'));
  await panel.evaluate(js.captureDownloads);
  await (await control(panel, js.pageControl('button', 'Export Markdown'), '"Export Markdown" button')).click();
  await waitFor('the Markdown blob', () => panel.evaluate<number>(js.capturedCount).then((n) => n > 0));
  const exported = await panel.evaluate<{ text: string; type: string; names: string[] }>(js.capturedExport);
  writeFileSync(join(ARTIFACTS_DIR, `${driver.name}-${article.name}-export.md`), exported.text);
  for (const name of exported.names) expect(name, 'download file name').toMatch(/\.md$/);
  const md = unescapeMarkdown(exported.text);
  expect(md, 'export contains the claim').toContain(claim);
  expect(md, 'export contains the status').toMatch(/unsourced/i);
  expect(md, 'export contains the note').toContain(note);
  trace('exported');

  await panel.close();
  await page.close();
}
