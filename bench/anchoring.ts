/**
 * Anchoring bench: describe and re-anchor 200 claims (sentences) on `yahoo-2` (1.6 MB front page) and on the largest
 * article of the corpus, next to dom-anchor-text-quote re-anchoring the same quotes and mark.js highlighting the same
 * ranges, in jsdom (mark.js needs a real-enough DOM; happy-dom's Range is O(document) per boundary and would bench
 * happy-dom, not us).
 *
 * Re-anchoring is timed twice: on the unchanged page (`anchorAll`, one index for all claims), and after a correction
 * (new paragraphs inserted, a few removed, one character substituted in every quote, so that every claim takes the
 * approximate search) one claim at a time through the module's entry (`anchorSelectors` of `lib/anchoring/index.ts`,
 * whose first call reads the changed page: that read is shown apart).
 *
 * dom-anchor-text-quote re-reads the page's whole text for every quote (about 160 ms a claim on yahoo-2): there it
 * re-anchors only the first `REFERENCE_CLAIMS` claims, labelled as such, with per-claim figures on both sides, so
 * the bench stays under a minute and a half on a 2-core machine.
 *
 * Runs alone: node --import tsx bench/run.ts anchoring
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { CORPUS_PAGES_DIR } from '../scripts/lib/paths.ts';
import { anchorAll } from '../lib/anchoring/anchor';
import { describeRange } from '../lib/anchoring/describe';
import { anchorSelectors } from '../lib/anchoring/index';
import { buildTextIndex } from '../lib/anchoring/text-index';
import type { Selector } from '../lib/anchoring/types';

type BenchRow = { name: string; value: string; reference?: string };

const require = createRequire(import.meta.url);
const textQuote = require('dom-anchor-text-quote') as {
  fromRange(root: Node, range: Range): { exact: string; prefix: string; suffix: string };
  toRange(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): Range | null;
};

const PAGES = CORPUS_PAGES_DIR;
const CLAIMS = 200;
/** Claims dom-anchor-text-quote re-anchors per page, where fewer than all (see the module comment). */
const REFERENCE_CLAIMS: Record<string, number> = { 'yahoo-2': 50 };

const ms = (t: number) => `${t.toFixed(1)} ms`;
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
};

/** The largest article: the page whose Readability extract is longest (yahoo-2 is a front page, not an article). */
function largestArticle(): string {
  return readdirSync(PAGES)
    .filter((p) => p !== 'yahoo-2')
    .map((p) => [p, statSync(path.join(PAGES, p, 'expected.html')).size] as const)
    .sort((a, b) => b[1] - a[1])[0]![0];
}

/** Up to CLAIMS sentences of the page's text, spread evenly, as index spans. */
function sentences(text: string): Array<[number, number]> {
  const all = [...text.matchAll(/[A-Z][^.!?\n]{30,300}[.!?]/g)].map(
    (m) => [m.index!, m.index! + m[0].length] as [number, number],
  );
  const step = Math.max(1, all.length / CLAIMS);
  const picked: Array<[number, number]> = [];
  for (let i = 0; i < all.length && picked.length < CLAIMS; i += step) picked.push(all[Math.floor(i)]!);
  // Small pages: cycle through again so every page anchors the same number of claims.
  for (let i = 0; picked.length < CLAIMS && all.length; i++) picked.push(all[i % all.length]!);
  return picked;
}

function benchPage(page: string): BenchRow[] {
  const html = readFileSync(path.join(PAGES, page, 'source.html'), 'utf8');
  const [dom, parseMs] = time(() => new JSDOM(html));
  const body = dom.window.document.body;
  // dom-anchor-text-position (under dom-anchor-text-quote) reads the browser globals.
  Object.assign(globalThis, {
    Node: dom.window.Node,
    NodeFilter: dom.window.NodeFilter,
    document: dom.window.document,
  });
  const size = `${(html.length / 1e6).toFixed(1)} MB`;

  const [index, indexMs] = time(() => buildTextIndex(body));
  const spans = sentences(index.text);
  const ranges = spans.map(([s, e]) => index.toRange(s, e)!);

  const [selectors, describeMs] = time(() => {
    const shared = buildTextIndex(body);
    return ranges.map((r) => describeRange(body, r, { index: shared }));
  });
  const [anchored, anchorMs] = time(() => anchorAll(body, selectors));
  const found = anchored.filter(Boolean).length;

  // dom-anchor-text-quote works on raw textContent: describe with it too, so it re-anchors its own quotes.
  const [theirSelectors, theirDescribeMs] = time(() => ranges.map((r) => textQuote.fromRange(body, r)));
  const theirCount = Math.min(theirSelectors.length, REFERENCE_CLAIMS[page] ?? CLAIMS);
  const [theirs, theirAnchorMs] = time(() =>
    theirSelectors.slice(0, theirCount).map((s) => textQuote.toRange(body, s)),
  );
  const theirFound = theirs.filter(Boolean).length;
  const perClaim = (t: number, n: number) => `${(t / (n || 1)).toFixed(2)} ms/claim`;
  const theirLabel = theirCount < spans.length ? `first ${theirCount} of ${spans.length} claims: ` : '';

  // The CSS Custom Highlight API is not in jsdom. Highlighting with it costs us the DOM ranges (all that
  // `new Highlight(...ranges)` takes; the browser paints without touching the page), timed here against mark.js
  // wrapping the same ranges in <mark> elements, which rewrites the page's DOM.
  const offsets = anchored.map(
    (r) =>
      r && ([index.offsetOf(r.startContainer, r.startOffset), index.offsetOf(r.endContainer, r.endOffset)] as const),
  );
  const [, rangesMs] = time(() => offsets.map((o) => o && index.toRange(o[0], o[1])));
  const markMs = markJs(
    dom,
    body,
    ranges.map((r) => ({ start: rawOffset(body, r), length: r.toString().length })),
  );
  const correction = benchCorrection(html, spans, selectors, theirSelectors.slice(0, theirCount));

  const label = `${page} (${size}, ${spans.length} claims)`;
  return [
    { name: `${label}: parse page (jsdom)`, value: ms(parseMs) },
    { name: `${label}: build text index`, value: ms(indexMs) },
    { name: `${label}: describe`, value: ms(describeMs), reference: `${ms(theirDescribeMs)} dom-anchor-text-quote` },
    {
      name: `${label}: re-anchor`,
      value: `${ms(anchorMs)} (${found}/${spans.length}, ${perClaim(anchorMs, spans.length)})`,
      reference: `${theirLabel}${ms(theirAnchorMs)} (${theirFound}/${theirCount}, ${perClaim(theirAnchorMs, theirCount)}) dom-anchor-text-quote`,
    },
    {
      name: `${label}: re-anchor after a correction, one claim at a time (index.ts)`,
      value: `${ms(correction.ms)} (${correction.found}/${spans.length}, ${perClaim(correction.ms, spans.length - 1)}, CPU ${perClaim(correction.cpuMs, spans.length - 1)}; first call ${ms(correction.firstMs)}, reading the page)`,
      reference: `${theirLabel}${ms(correction.theirMs)} (${correction.theirFound}/${theirCount}, ${perClaim(correction.theirMs, theirCount)}) dom-anchor-text-quote`,
    },
    {
      name: `${label}: highlight (ranges for CSS highlights)`,
      value: ms(rangesMs),
      reference: markMs === null ? 'mark.js unavailable' : `${ms(markMs)} mark.js markRanges`,
    },
  ];
}

/**
 * A correction on a fresh copy of the page: one character substituted inside every quote, a paragraph inserted before
 * every fourth paragraph, every tenth removed. Then each claim goes through the entry alone, as an outside caller
 * anchors, and dom-anchor-text-quote re-anchors its own quotes on the same page.
 */
function benchCorrection(
  html: string,
  spans: Array<[number, number]>,
  selectors: Selector[][],
  theirSelectors: Array<{ exact: string; prefix: string; suffix: string }>,
) {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const body = doc.body;
  Object.assign(globalThis, { Node: dom.window.Node, NodeFilter: dom.window.NodeFilter, document: doc });
  const index = buildTextIndex(body);
  // Substitutions keep every text node's length, so the ranges of later quotes stay valid.
  for (const [start, end] of spans) {
    const r = index.toRange(start + Math.floor((end - start) / 2), end)!;
    const text = r.startContainer as Text;
    const at = r.startOffset;
    text.data = `${text.data.slice(0, at)}${text.data[at] === 'x' ? 'q' : 'x'}${text.data.slice(at + 1)}`;
  }
  [...body.querySelectorAll('p')].forEach((p, k) => {
    if (k % 4 === 0) {
      const added = doc.createElement('p');
      added.textContent =
        'Correction: an earlier version of this article gave a wrong figure. It has been updated throughout.';
      p.before(added);
    }
    if (k % 10 === 5) p.remove();
  });
  const [first, firstMs] = time(() => anchorSelectors(body, selectors[0]!));
  // CPU time too: on a shared machine the wall time of a few hundred milliseconds is mostly waiting for a core.
  const cpu = process.cpuUsage();
  const [rest, restMs] = time(() => selectors.slice(1).map((s) => anchorSelectors(body, s)));
  const { user, system } = process.cpuUsage(cpu);
  const [theirs, theirMs] = time(() => theirSelectors.map((s) => textQuote.toRange(body, s)));
  return {
    firstMs,
    ms: restMs,
    cpuMs: (user + system) / 1000,
    found: [first, ...rest].filter(Boolean).length,
    theirMs,
    theirFound: theirs.filter(Boolean).length,
  };
}

/** Offset of a range's start in `root.textContent`, the coordinate mark.js's markRanges uses. */
function rawOffset(root: Node, range: Range): number {
  const before = root.ownerDocument!.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
}

function markJs(dom: JSDOM, body: HTMLElement, ranges: Array<{ start: number; length: number }>): number | null {
  try {
    // mark.js's UMD build attaches to the window it is evaluated in.
    const source = readFileSync(require.resolve('mark.js/dist/mark.js'), 'utf8');
    type MarkClass = new (el: Element) => { markRanges(ranges: Array<{ start: number; length: number }>): void };
    const names = ['window', 'document', 'Node', 'NodeList', 'NodeFilter', 'HTMLElement', 'Element', 'Text'] as const;
    const load = new Function(...names, `var module, define, exports; ${source}; return window.Mark;`);
    const w = dom.window as unknown as Record<string, unknown>;
    const Mark = load.call(dom.window, dom.window, ...names.slice(1).map((n) => w[n])) as MarkClass | undefined;
    if (!Mark) return null;
    const [, t] = time(() => new Mark(body).markRanges(ranges.map(({ start, length }) => ({ start, length }))));
    return t;
  } catch (error) {
    console.warn('mark.js failed:', error);
    return null;
  }
}

export default async function anchoringBench(): Promise<BenchRow[]> {
  return [...benchPage('yahoo-2'), ...benchPage(largestArticle())];
}
