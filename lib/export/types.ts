import { positionSelectorOf, verdictOf, type Claim, type PageRecord } from '../model';

/**
 * A page and the claims of it being exported (all of them, or those the current filter shows); the page's verdict
 * (`page.verdict`) is exported with it whatever the filter.
 */
export interface ExportPage {
  page: PageRecord;
  claims: Claim[];
}

/** Whether a page has anything to export: claims, or the reader's verdict. */
export const hasContent = (p: ExportPage): boolean => p.claims.length > 0 || verdictOf(p.page) !== undefined;

/** Claims in the order they appear on the page (by text position), those without a position last by creation. */
export function inReadingOrder(claims: readonly Claim[]): Claim[] {
  const start = (c: Claim) => positionSelectorOf(c.selectors)?.start ?? Number.POSITIVE_INFINITY;
  return [...claims].sort((a, b) => start(a) - start(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
