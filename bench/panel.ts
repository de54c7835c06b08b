// Side panel (issue 7): time for the panel to show a page's claims when opened, with 10 and with 1,000 claims, and
// how smoothly the 1,000-claim list scrolls. In real headless Chromium with the built extension.
//
// The article is a generated page (bench/_claims-page.ts: one quoted, attributed figure per paragraph, so the finder
// suggests every sentence), served by a server of this module. The panel is opened as `sidepanel.html?tabId=N` in a
// 400 px wide tab, as the end-to-end tests do. A script registered before any panel code (`addInitScript`) watches
// the list with a MutationObserver and records `performance.now()` (from the panel page's navigation start) when the
// first claim is listed, when all are, and two animation frames later (the list laid out and painted).
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../scripts/lib/browsers.ts';
import { loadNote, median, ms, openArticleTab, snapshotExtension, waitForPasses } from './_chromium.ts';
import { claimsPage } from './_claims-page.ts';
import type { BenchRow } from './run.ts';

const SIZES = [10, 1000] as const;
const OPENS = 5;
const SCROLL_STEP_PX = 600;
const PANEL_VIEWPORT = { width: 400, height: 900 };

const WATCH_PANEL = `(() => {
  if (!location.pathname.endsWith('/sidepanel.html')) return;
  const expected = Number(new URLSearchParams(location.search).get('benchExpect') || 0);
  const out = { firstClaim: null, allClaims: null, painted: null, count: 0, longTasks: [] };
  globalThis.__claimlensPanelBench = out;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) out.longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const selector = 'ul.claims[aria-label="Claims"] > li[data-claim-id]';
  const observer = new MutationObserver(() => {
    const n = document.querySelectorAll(selector).length;
    out.count = n;
    if (n > 0 && out.firstClaim === null) out.firstClaim = performance.now();
    if (expected > 0 && n >= expected && out.allClaims === null) {
      out.allClaims = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { out.painted = performance.now(); }));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

const READ_PANEL = `globalThis.__claimlensPanelBench && globalThis.__claimlensPanelBench.painted !== null ? globalThis.__claimlensPanelBench : null`;

const SCROLL_TO_BOTTOM = `(async () => {
  const el = document.scrollingElement;
  const frames = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  try { observer.observe({ type: 'longtask' }); } catch {}
  el.scrollTop = 0;
  const started = performance.now();
  await new Promise((resolve) => {
    let last = 0;
    const step = (t) => {
      if (last) frames.push(t - last);
      last = t;
      el.scrollBy(0, ${SCROLL_STEP_PX});
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2 || frames.length > 5000) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  return { frames, longTasks, scrollHeight: el.scrollHeight, ms: performance.now() - started };
})()`;

interface PanelTiming {
  firstClaim: number;
  allClaims: number;
  painted: number;
  count: number;
  longTasks: number[];
}

/** Polls an expression with page.evaluate (extension pages forbid eval, which waitForFunction needs) until non-null. */
async function poll<T>(page: Page, expression: string, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T | null;
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * A generated article on which the finder suggests at least `target` claims, its tab, and how many it suggests. The
 * finder picks the most check-worthy share of a page's sentences, not all of them: the page grows until it has enough.
 */
async function articleWithClaims(session: ChromiumSession, origin: string, target: number) {
  let paragraphs = target;
  for (let attempt = 1; ; attempt++) {
    const article = await openArticleTab(session, `${origin}/claims-${paragraphs}`);
    // The quick look, then the encoder's refinement where it runs (not on every page), which settles the list.
    const quick = await waitForPasses(article, 1);
    const passes = await waitForPasses(article, 2, 20_000).catch(() => quick);
    const size = (await article.state())?.claims.length ?? 0;
    if (size >= target || attempt === 4) return { article, size, passes };
    await article.close();
    paragraphs = Math.min(5000, Math.ceil((paragraphs * target * 1.05) / Math.max(1, size)));
  }
}

export default async function panelBench(): Promise<BenchRow[]> {
  const server = createServer((req, res) => {
    const match = /^\/claims-(\d+)\/?$/.exec(req.url ?? '');
    const count = match ? Number(match[1]) : 0;
    if (!count || count > 5000) return void res.writeHead(404).end('Not found\n');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(claimsPage(count));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const snapshot = snapshotExtension();
  const session = await launchChromium({ extensionDir: snapshot.dir });
  const rows: BenchRow[] = [];
  try {
    await session.context.addInitScript(WATCH_PANEL);
    const openPanel = async (query: string) => {
      const panel = await session.context.newPage();
      await panel.setViewportSize(PANEL_VIEWPORT);
      await panel.goto(`${session.extensionOrigin}sidepanel.html${query}`, { waitUntil: 'commit' });
      return panel;
    };
    for (const target of SIZES) {
      const { article, size, passes } = await articleWithClaims(session, origin, target);
      const find = passes.highlighted! - passes.started!;
      const tabId = article.tabId;
      const before = await loadNote();
      const timings: PanelTiming[] = [];
      let last: Page | null = null;
      // One warm-up open, then the measured ones, each a fresh panel page.
      for (let i = 0; i <= OPENS; i++) {
        const panel = await openPanel(`?tabId=${tabId}&benchExpect=${size}`);
        await poll<PanelTiming>(panel, READ_PANEL, `the panel to list ${size} claims`);
        // Long-task entries arrive after their task ends: let the render's own task be reported before reading.
        await panel.waitForTimeout(300);
        const timing = (await panel.evaluate(READ_PANEL)) as PanelTiming;
        if (i > 0) timings.push(timing);
        if (i === OPENS && target === SIZES[SIZES.length - 1]) last = panel;
        else await panel.close();
      }
      const after = await loadNote();
      const maxTask = timings.map((t) => Math.max(0, ...t.longTasks));
      rows.push({
        name: `panel: open to all claims shown, ${size.toLocaleString('en')} claims`,
        value: ms(median(timings.map((t) => t.painted))),
        reference:
          `median of ${OPENS} opens from the panel page's navigation start to 2 frames after the list holds all ${size} ` +
          `(all listed ${ms(median(timings.map((t) => t.allClaims)))}, first listed ${ms(median(timings.map((t) => t.firstClaim)))}; ` +
          `longest task ${median(maxTask) > 0 ? ms(median(maxTask)) : '< 50 ms'}); content script find-and-highlight on this page ${ms(find)}; ${before} → ${after}`,
      });
      if (last) {
        await last.bringToFront();
        const scroll = (await last.evaluate(SCROLL_TO_BOTTOM)) as {
          frames: number[];
          longTasks: number[];
          scrollHeight: number;
          ms: number;
        };
        const slow = scroll.frames.filter((f) => f > 50).length;
        rows.push({
          name: `panel: scroll ${size.toLocaleString('en')}-claim list to the bottom`,
          value: `${slow} of ${scroll.frames.length} frames > 50 ms`,
          reference:
            `${SCROLL_STEP_PX} px per animation frame over ${Math.round(scroll.scrollHeight).toLocaleString('en')} px; frame median ` +
            `${ms(median(scroll.frames))}, p95 ${ms(percentile(scroll.frames, 95))}, max ${ms(Math.max(...scroll.frames))}; ` +
            `long tasks ${scroll.longTasks.length} (max ${ms(Math.max(0, ...scroll.longTasks))}); ${await loadNote()}`,
        });
        await last.close();
      }
      await article.close();
    }
    return rows;
  } finally {
    await session.close();
    snapshot.remove();
    server.closeAllConnections();
    server.close();
  }
}
