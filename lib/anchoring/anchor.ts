/**
 * Finds the DOM range of stored selectors on the page as it is now, or reports the claim lost (null).
 */
import { matchAt, matchQuote, type QuoteMatch } from './match-quote';
import { foldSelectorText, foldText } from './normalize';
import { buildTextIndex, type TextIndex, type TextIndexOptions } from './text-index';
import type { Selector } from './types';
import { positionSelectorOf, quoteSelectorOf } from '../model/selectors';

export interface AnchorOptions extends TextIndexOptions {
  /** A text index of `root` built by the caller; it must be current (built after the page's last change). */
  index?: TextIndex;
}

/** Folded index text, computed once per index: anchoring hundreds of claims reuses it. */
const foldedTexts = new WeakMap<TextIndex, string>();

function foldedText(index: TextIndex): string {
  let folded = foldedTexts.get(index);
  if (folded === undefined) {
    folded = foldText(index.text);
    foldedTexts.set(index, folded);
  }
  return folded;
}

/** Whitespace collapsed like the index does, line breaks kept: same length as `foldSelectorText`'s result. */
const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, (run) => (run.includes('\n') ? '\n' : ' '));

/** The [start, end) of the selectors' text in the index, or null when it cannot be found with confidence. */
export function anchorOffsets(index: TextIndex, selectors: Selector[]): QuoteMatch | null {
  const quote = quoteSelectorOf(selectors);
  // A position alone cannot be checked against anything: the text there may be any text.
  if (!quote || !quote.exact.trim()) return null;
  const position = positionSelectorOf(selectors);
  const text = foldedText(index);
  const exact = foldSelectorText(quote.exact);
  const ctx = {
    prefix: foldSelectorText(quote.prefix),
    suffix: foldSelectorText(quote.suffix),
    hint: position?.start,
    rawPrefix: collapse(quote.prefix),
    rawSuffix: collapse(quote.suffix),
  };
  // Fast path: the page did not move. Its text must equal the quote and one side of its context must still agree,
  // or a different sentence that slid into the old offsets would pass.
  if (position && position.end - position.start === exact.length && text.startsWith(exact, position.start)) {
    const fast = matchAt(text, exact, ctx, position.start, index.text);
    if (fast) return fast;
  }
  return matchQuote(text, exact, ctx, index.text);
}

/** The range of the selectors' text in `root`, or null when the claim is orphaned. */
export function anchorSelectors(root: Node, selectors: Selector[], options: AnchorOptions = {}): Range | null {
  const index = options.index ?? buildTextIndex(root, options);
  const match = anchorOffsets(index, selectors);
  return match && index.toRange(match.start, match.end);
}

/** `anchorSelectors` for many claims at once, reading the page's text a single time. */
export function anchorAll(root: Node, selectorLists: Selector[][], options: AnchorOptions = {}): Array<Range | null> {
  const index = options.index ?? buildTextIndex(root, options);
  return selectorLists.map((selectors) => {
    const match = anchorOffsets(index, selectors);
    return match && index.toRange(match.start, match.end);
  });
}
