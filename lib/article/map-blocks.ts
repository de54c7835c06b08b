/**
 * Readability's article blocks (`extractArticleBlocks`, run on a copy of the page) mapped back onto the live page:
 * the live elements that hold them, and a test of whether a live sentence is part of them.
 *
 * One text index of the live body, one map from its lines to their offsets: linear in the page, no per-block search.
 */
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { BLOCK } from '../claims/element-stats';
// Not from extract-blocks.ts: that would bring Readability into the content script.
import { MIN_BLOCK_CHARS } from './block-size';

/** A line Readability shortened (it drops share buttons, inline ads) still maps by its start. */
const PREFIX = 48;
/** Fewer blocks than this share found on the page: the page changed or the copy differs; do not trust the mapping. */
const MIN_MAPPED_SHARE = 0.5;
const NOT_PROSE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'header', 'caption']);

export interface MapOptions {
  /** Skip CSS-hidden text, as the content script's text index does. */
  checkStyle?: boolean;
  /** A current text index of the body built with the same `checkStyle` (the content script builds it in slices). */
  bodyIndex?: TextIndex;
}

/** Whitespace collapsed, Unicode composed: how block text and live text are compared. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The live elements holding the blocks, outermost only, in page order; [] when too few blocks are found on the page
 * (the caller then falls back to its own heuristic).
 */
export function mapBlocksToLive(doc: Document, blocks: readonly string[], options: MapOptions = {}): Element[] {
  const body = doc.body;
  if (!body || !blocks.length) return [];
  const index = options.bodyIndex ?? buildTextIndex(body, { checkStyle: options.checkStyle });
  const text = index.text;
  const exact = new Map<string, Array<[number, number]>>();
  const byPrefix = new Map<string, Array<[number, number]>>();
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = normaliseText(text.slice(start, end));
    if (line.length >= MIN_BLOCK_CHARS) {
      addTo(exact, line, [start, end]);
      if (line.length >= PREFIX) addTo(byPrefix, line.slice(0, PREFIX), [start, end]);
    }
    start = end + 1;
  }

  const found = new Set<Element>();
  let mapped = 0;
  let cursor = 0;
  for (const block of blocks) {
    const line = normaliseText(block);
    const span =
      pick(exact.get(line), cursor) ??
      (line.length >= PREFIX ? pick(byPrefix.get(line.slice(0, PREFIX)), cursor) : null);
    if (!span) continue;
    mapped++;
    cursor = span[1];
    const range = index.toRange(span[0], span[1]);
    const el = range && blockOf(range.commonAncestorContainer, body);
    // Headings and captions are kept by Readability but are never claims.
    if (el && !insideNotProse(el, body)) found.add(el);
  }
  if (mapped < blocks.length * MIN_MAPPED_SHARE) return [];
  const elements: Element[] = [];
  for (const el of found) {
    let outer = false;
    for (let p = el.parentElement; p && !outer; p = p.parentElement) outer = found.has(p);
    if (!outer) elements.push(el);
  }
  return elements.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** Lines checked against the whole block text after the quick checks fail: bounds the cost on a hostile page. */
const MAX_SLOW_CHECKS = 500;

/**
 * Whether a sentence of the live page, on `line` (its whole line of the live text), lies inside the blocks: Readability
 * may keep a paragraph but drop part of it (a share widget, a "Read more" link), and a mapped element may hold a line
 * Readability left out. Linear in the line for the usual cases.
 */
export function insideBlocks(blocks: readonly string[]): (line: string, sentence: string) => boolean {
  const exact = new Set<string>();
  const byPrefix = new Map<string, string[]>();
  for (const block of blocks) {
    const text = normaliseText(block);
    exact.add(text);
    if (text.length >= PREFIX) {
      const key = text.slice(0, PREFIX);
      const list = byPrefix.get(key);
      if (list) list.push(text);
      else byPrefix.set(key, [text]);
    }
  }
  let joined: string | null = null;
  let slowChecks = 0;
  let lastLine: string | null = null;
  let text = '';
  return (line, sentence) => {
    // Sentences of one line come one after another: normalise the line once.
    if (line !== lastLine) {
      lastLine = line;
      text = normaliseText(line);
    }
    if (exact.has(text)) return true;
    const wanted = normaliseText(sentence);
    for (const block of byPrefix.get(text.slice(0, PREFIX)) ?? []) if (block.includes(wanted)) return true;
    // A block Readability joined from two live lines, or one it rewrote: the sentence text itself decides.
    if (wanted.length < MIN_BLOCK_CHARS || slowChecks++ >= MAX_SLOW_CHECKS) return false;
    joined ??= Array.from(exact).join('\n');
    return joined.includes(wanted);
  };
}

function addTo(map: Map<string, Array<[number, number]>>, key: string, span: [number, number]) {
  const list = map.get(key);
  if (list) list.push(span);
  else map.set(key, [span]);
}

/** The first span at or after `cursor` (blocks come in page order), else the first one. */
function pick(spans: Array<[number, number]> | undefined, cursor: number): [number, number] | null {
  if (!spans) return null;
  for (const span of spans) if (span[0] >= cursor) return span;
  return spans[0]!;
}

function insideNotProse(el: Element, body: Element): boolean {
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) if (NOT_PROSE.has(e.localName)) return true;
  return false;
}

/** The nearest block element around a node, below `body`. */
function blockOf(node: Node, body: Element): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== body && !BLOCK.has(el.localName)) el = el.parentElement;
  return el && el !== body ? el : null;
}
