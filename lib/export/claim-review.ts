/**
 * schema.org `ClaimReview` (https://schema.org/ClaimReview) as JSON-LD, for the claims the reader judged and the
 * reader's verdict on a whole page. Fact-check sites embed it in their pages; search engines and fact-check databases
 * read it.
 */
import { quoteSelectorOf, verdictOf, type Claim, type PageRecord } from '../model';
import { claimIri, iso, pageVerdictIri } from './ids';
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

function authorOf(options: ClaimReviewOptions): Json {
  if (!options.author) return {};
  const { name, url, type = 'Person' } = options.author;
  return { author: { '@type': type, name, ...(url ? { url } : {}) } };
}

/** The page as a work: its address, title and publisher, as far as they are known. */
function pageWork(page: PageRecord): Json {
  return {
    '@type': 'CreativeWork',
    url: page.url,
    ...(page.title ? { headline: page.title } : {}),
    ...(page.site ? { publisher: { '@type': 'Organization', name: page.site } } : {}),
  };
}

/** The reader's verdict on the whole page: a review whose item is the article itself, without a rating. */
function pageReview(page: PageRecord, verdict: string, options: ClaimReviewOptions): Json {
  return {
    '@type': 'ClaimReview',
    '@id': pageVerdictIri(page.url),
    url: page.url,
    ...(page.verdictUpdatedAt === undefined ? {} : { datePublished: iso(page.verdictUpdatedAt) }),
    itemReviewed: { ...pageWork(page), ...(page.title ? { name: page.title } : {}) },
    reviewBody: verdict,
    ...authorOf(options),
  };
}

function claimReview(claim: Claim, page: PageRecord, options: ClaimReviewOptions): Json {
  const selector = quoteSelectorOf(claim.selectors);
  const review: Json = {
    '@type': 'ClaimReview',
    '@id': claimIri(claim.id),
    url: options.reviewUrl?.(claim, page) ?? textFragmentUrl(page.url, claim.exact, selector),
    datePublished: iso(claim.updatedAt),
    claimReviewed: claim.exact,
    itemReviewed: { '@type': 'Claim', appearance: pageWork(page) },
    reviewRating: { '@type': 'Rating', alternateName: claim.status },
  };
  if (claim.note.trim()) review.reviewBody = claim.note;
  const citations = claim.evidence
    .filter((e) => isWebUrl(e.url))
    .map((e) => ({ '@type': 'CreativeWork', url: e.url, ...(e.title ? { name: e.title } : {}) }));
  if (citations.length) review.citation = citations;
  return { ...review, ...authorOf(options) };
}

/**
 * In a JSON-LD `@graph`, per page: a `ClaimReview` of the page itself when the reader gave it a verdict, then one per
 * judged claim (status `sourced` or `unsourced`).
 */
export function toClaimReviews(pages: readonly ExportPage[], options: ClaimReviewOptions = {}): Json {
  const graph = pages.flatMap(({ page, claims }) => {
    const verdict = verdictOf(page);
    return [
      ...(verdict === undefined ? [] : [pageReview(page, verdict, options)]),
      ...claims.filter((c) => c.status !== 'unreviewed').map((c) => claimReview(c, page, options)),
    ];
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}
