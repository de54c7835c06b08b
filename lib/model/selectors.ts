import type { Selector, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

/** The quote selector among a claim's selectors (every stored claim has one; older imports may not). */
export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The position selector among a claim's selectors: where the claim was in the page's text when last anchored. */
export function positionSelectorOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
