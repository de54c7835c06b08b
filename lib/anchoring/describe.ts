/**
 * Turns a DOM range into W3C selectors that can find its text again on a later visit.
 */
import { buildTextIndex, type TextIndex, type TextIndexOptions } from './text-index';
import type { Selector, TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote, as in Hypothesis and dom-anchor-text-quote. */
export const CONTEXT_LENGTH = 32;

export interface DescribeOptions extends TextIndexOptions {
  /** A text index of `root` built by the caller, to share one index between many ranges. */
  index?: TextIndex;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n';

/**
 * Selectors for the text of [start, end) of the index. Whitespace at the edges of the span is left out of the quote:
 * it is where pages differ most between visits, and a reader's selection often drags a line break along.
 */
export function describeOffsets(index: TextIndex, start: number, end: number): Selector[] {
  const { text } = index;
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (to > from && isSpace(text[to - 1])) to--;
  while (from < to && isSpace(text[from])) from++;
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + CONTEXT_LENGTH),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: from, end: to };
  return [quote, position];
}

/** Selectors for `range`, a range inside `root`. Throws when the range lies entirely outside `root`. */
export function describeRange(root: Node, range: Range, options: DescribeOptions = {}): Selector[] {
  const index = options.index ?? buildTextIndex(root, options);
  const inside = (node: Node) => node === root || root.contains(node);
  const startInside = inside(range.startContainer);
  const endInside = inside(range.endContainer);
  if (!startInside && !endInside && !range.intersectsNode(root)) {
    throw new Error('describeRange: the range lies outside the root it should be described in');
  }
  const start = startInside ? index.offsetOf(range.startContainer, range.startOffset) : 0;
  const end = endInside ? index.offsetOf(range.endContainer, range.endOffset) : index.text.length;
  return describeOffsets(index, start, end);
}
