import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { Claim, PageRecord } from '../../storage/types';

/** A page and the claims of it being exported (all of them, or those the current filter shows). */
export interface ExportPage {
  page: PageRecord;
  claims: Claim[];
}

export function quoteSelectorOf(claim: Claim): TextQuoteSelector | undefined {
  return claim.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(claim: Claim): TextPositionSelector | undefined {
  return claim.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** Claims per status (the storage counter, so page records and exports can never count differently). */
export { countStatuses as countByStatus } from '../../storage/claims';

/** Claims in the order they appear on the page (by text position), those without a position last by creation. */
export function inReadingOrder(claims: readonly Claim[]): Claim[] {
  const start = (c: Claim) => positionSelectorOf(c)?.start ?? Number.POSITIVE_INFINITY;
  return [...claims].sort((a, b) => start(a) - start(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
