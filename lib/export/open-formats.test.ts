import { describe, expect, it } from 'vitest';
import { sampleClaim, samplePage } from '../backup/sample-data';
import { toClaimReviews } from './claim-review';
import { toWebAnnotations } from './web-annotation';

const judged = sampleClaim();
const unreviewed = sampleClaim({ id: 'manual-1', status: 'unreviewed', note: '', evidence: [], selectors: [] });
const pages = [samplePage([judged, unreviewed])];

describe('toWebAnnotations', () => {
  const collection = toWebAnnotations(pages, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }) as {
    first: { items: Array<Record<string, unknown>> };
  };

  it('wraps one Annotation per claim in an AnnotationCollection', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      type: 'AnnotationCollection',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items).toHaveLength(2);
  });

  it('targets the page with both selectors and carries note, status, evidence and times', () => {
    expect(collection.first.items[0]).toEqual({
      id: 'urn:uuid:7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2024-05-01T09:30:00.123Z',
      modified: '2024-05-01T09:31:00.123Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'The statistics office says 4.1%.', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'unsourced' },
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: { id: 'https://stats.example.org/labour/2023', label: 'Labour market 2023' },
        },
      ],
      target: {
        source: 'https://news.example.com/economy/jobs',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: judged.exact,
            prefix: 'the minister said on Monday. ',
            suffix: ' Critics disagree.',
          },
          { type: 'TextPositionSelector', start: 120, end: 120 + judged.exact.length },
        ],
      },
    });
  });

  it('makes a quote selector from the text when the claim has none, and leaves out an empty note', () => {
    const item = collection.first.items[1]!;
    expect(item.id).toBe('urn:claimlens:claim:manual-1');
    expect(item.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'unreviewed' }]);
    expect(item.target).toEqual({
      source: 'https://news.example.com/economy/jobs',
      selector: [{ type: 'TextQuoteSelector', exact: judged.exact, prefix: '', suffix: '' }],
    });
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});

describe('toClaimReviews', () => {
  it('describes judged claims only, as schema.org ClaimReview', () => {
    const result = toClaimReviews(pages, { author: { name: 'A. Reader' } }) as {
      '@context': string;
      '@graph': unknown[];
    };
    expect(result['@context']).toBe('https://schema.org');
    expect(result['@graph']).toEqual([
      {
        '@type': 'ClaimReview',
        '@id': 'urn:uuid:7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b',
        url: expect.stringMatching(/^https:\/\/news\.example\.com\/economy\/jobs#:~:text=Unemployment%20fell/),
        datePublished: '2024-05-01T09:31:00.123Z',
        claimReviewed: judged.exact,
        itemReviewed: {
          '@type': 'Claim',
          appearance: {
            '@type': 'CreativeWork',
            url: 'https://news.example.com/economy/jobs',
            headline: 'Jobs report: what the minister got right',
            publisher: { '@type': 'Organization', name: 'Example News' },
          },
        },
        reviewRating: { '@type': 'Rating', alternateName: 'unsourced' },
        reviewBody: 'The statistics office says 4.1%.',
        citation: [
          { '@type': 'CreativeWork', url: 'https://stats.example.org/labour/2023', name: 'Labour market 2023' },
        ],
        author: { '@type': 'Person', name: 'A. Reader' },
      },
    ]);
  });

  it('uses the published review URL when given and never cites a non-web link', () => {
    const claim = sampleClaim({ status: 'sourced', evidence: [{ url: 'javascript:alert(1)' }] });
    const [review] = (
      toClaimReviews([samplePage([claim])], { reviewUrl: (c) => `https://checks.example/${c.id}` }) as {
        '@graph': Array<Record<string, unknown>>;
      }
    )['@graph'];
    expect(review).toMatchObject({
      url: `https://checks.example/${claim.id}`,
      reviewRating: { alternateName: 'sourced' },
    });
    expect(review).not.toHaveProperty('citation');
    expect(review).not.toHaveProperty('author');
  });
});
