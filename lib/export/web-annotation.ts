/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one `Annotation` per claim, and one for
 * the reader's verdict on a page, in an `AnnotationCollection`, readable by Hypothesis-style tools and annotation
 * servers.
 */
import { positionSelectorOf, quoteSelectorOf, verdictOf, type Claim, type PageRecord } from '../model';
import { claimIri, iso, pageVerdictIri } from './ids';
import type { ExportPage } from './types';
import { isWebUrl } from './web-url';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  /** The collection's IRI; a fresh `urn:uuid:` when absent. */
  id?: string;
  label?: string;
}

type Json = Record<string, unknown>;

function annotation(claim: Claim, pageUrl: string): Json {
  const quote = quoteSelectorOf(claim.selectors) ?? {
    type: 'TextQuoteSelector',
    exact: claim.exact,
    prefix: '',
    suffix: '',
  };
  const position = positionSelectorOf(claim.selectors);
  const selector: Json[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
  if (position) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });

  const body: Json[] = [];
  if (claim.note.trim()) {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
  }
  body.push({ type: 'TextualBody', purpose: 'tagging', value: claim.status });
  for (const evidence of claim.evidence) {
    // Links are data here, not rendered, but a non-web "evidence" link is still no source: leave it out.
    if (!isWebUrl(evidence.url)) continue;
    body.push({
      type: 'SpecificResource',
      purpose: 'linking',
      source: evidence.title ? { id: evidence.url, label: evidence.title } : evidence.url,
    });
  }
  return {
    id: claimIri(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: iso(claim.createdAt),
    modified: iso(claim.updatedAt),
    body,
    target: { source: pageUrl, selector },
  };
}

/** The verdict on a whole page: the page itself is the target, with no selector (a page note, in Hypothesis). */
function pageAnnotation(page: PageRecord, verdict: string): Json {
  return {
    id: pageVerdictIri(page.url),
    type: 'Annotation',
    motivation: 'assessing',
    ...(page.verdictUpdatedAt === undefined ? {} : { modified: iso(page.verdictUpdatedAt) }),
    body: [{ type: 'TextualBody', purpose: 'assessing', value: verdict, format: 'text/plain' }],
    target: { source: page.url },
  };
}

export function toWebAnnotations(pages: readonly ExportPage[], options: WebAnnotationOptions = {}): Json {
  const items = pages.flatMap(({ page, claims }) => {
    const verdict = verdictOf(page);
    return [
      ...(verdict === undefined ? [] : [pageAnnotation(page, verdict)]),
      ...claims.map((claim) => annotation(claim, page.url)),
    ];
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Claims exported from Claimlens',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
