import { positionSelectorOf, type Claim, type PageRecord } from '../model';

/** A page and the claims of it being exported (all of them, or those the current filter shows). */
export interface ExportPage {
  page: PageRecord;
  claims: Claim[];
}

/** Claims in the order they appear on the page (by text position), those without a position last by creation. */
export function inReadingOrder(claims: readonly Claim[]): Claim[] {
  const start = (c: Claim) => positionSelectorOf(c.selectors)?.start ?? Number.POSITIVE_INFINITY;
  return [...claims].sort((a, b) => start(a) - start(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
