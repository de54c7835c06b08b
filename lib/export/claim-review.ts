/**
 * schema.org `ClaimReview` (https://schema.org/ClaimReview) as JSON-LD, for the claims the reader judged. Fact-check
 * sites embed it in their pages; search engines and fact-check databases read it.
 */
import { quoteSelectorOf, type Claim, type PageRecord } from '../model';
import { claimIri, iso } from './ids';
import { textFragmentUrl } from './text-fragment';
import type { ExportPage } from './types';
import { isWebUrl } from './web-url';

export interface ClaimReviewOptions {
  /** Who reviewed: schema.org wants an author for a published review. */
  author?: { name: string; url?: string; type?: 'Person' | 'Organization' };
  /**
   * Where the review is published. Without it `url` is the page scrolled to the quote (a text fragment): the most
   * precise address Claimlens knows for the claim.
   */
  reviewUrl?: (claim: Claim, page: PageRecord) => string | undefined;
}

type Json = Record<string, unknown>;

function claimReview(claim: Claim, page: PageRecord, options: ClaimReviewOptions): Json {
  const selector = quoteSelectorOf(claim.selectors);
  const review: Json = {
    '@type': 'ClaimReview',
    '@id': claimIri(claim.id),
    url: options.reviewUrl?.(claim, page) ?? textFragmentUrl(page.url, claim.exact, selector),
    datePublished: iso(claim.updatedAt),
    claimReviewed: claim.exact,
    itemReviewed: {
      '@type': 'Claim',
      appearance: {
        '@type': 'CreativeWork',
        url: page.url,
        ...(page.title ? { headline: page.title } : {}),
        ...(page.site ? { publisher: { '@type': 'Organization', name: page.site } } : {}),
      },
    },
    reviewRating: { '@type': 'Rating', alternateName: claim.status },
  };
  if (claim.note.trim()) review.reviewBody = claim.note;
  const citations = claim.evidence
    .filter((e) => isWebUrl(e.url))
    .map((e) => ({ '@type': 'CreativeWork', url: e.url, ...(e.title ? { name: e.title } : {}) }));
  if (citations.length) review.citation = citations;
  if (options.author) {
    const { name, url, type = 'Person' } = options.author;
    review.author = { '@type': type, name, ...(url ? { url } : {}) };
  }
  return review;
}

/** One `ClaimReview` per judged claim (status `sourced` or `unsourced`) in a JSON-LD `@graph`. */
export function toClaimReviews(pages: readonly ExportPage[], options: ClaimReviewOptions = {}): Json {
  const graph = pages.flatMap(({ page, claims }) =>
    claims.filter((c) => c.status !== 'unreviewed').map((c) => claimReview(c, page, options)),
  );
  return { '@context': 'https://schema.org', '@graph': graph };
}
