import { describe, expect, it } from 'vitest';
import { sampleClaim, samplePage } from '../backup/sample-data';
import { toClaimReviews } from './claim-review';
import { markdownFileName, toMarkdown } from './markdown';
import { toWebAnnotations } from './web-annotation';

const exportedAt = new Date(Date.UTC(2024, 4, 2, 14, 3, 59));
const VERDICT_AT = Date.UTC(2024, 4, 3, 10, 15, 0, 7);
const verdict = 'Mostly sound.\nThe unemployment figure is wrong.\n\nAsked the ministry.';
const judged = samplePage([sampleClaim()], { verdict, verdictUpdatedAt: VERDICT_AT });
const onlyVerdict = samplePage([], {
  url: 'https://other.example/op-ed',
  title: 'An op-ed',
  site: '',
  verdict: 'Opinion, no claims to check.',
  verdictUpdatedAt: VERDICT_AT,
});
const HOSTILE = '# Not a heading\n<script>alert(1)</script> [x](javascript:alert(1)) **bold** `code`';

type Graph = { '@graph': Array<Record<string, unknown>> };
type Collection = { total: number; first: { items: Array<Record<string, unknown>> } };

describe('the page verdict in Markdown', () => {
  it('comes right after the page heading and counts, before the claims, line breaks kept', () => {
    expect(toMarkdown([judged], { exportedAt })).toBe(`# Claims

Exported 2024-05-02 14:03 UTC from Claimlens: 1 claim on 1 page.

## [Jobs report: what the minister got right](https://news.example.com/economy/jobs)

Example News · 1 claim: 1 unsourced

**Verdict:** Mostly sound.\\
The unemployment figure is wrong.

Asked the ministry.

> Unemployment fell to 3.9% last year, the lowest since 1970.

**Status:** unsourced · [Show on page](https://news.example.com/economy/jobs#:~:text=Unemployment%20fell%20to%203.9%25%20last%20year%2C%20the%20lowest%20since%201970.)

**Note:** The statistics office says 4.1%.

**Evidence:**

- [Labour market 2023](https://stats.example.org/labour/2023)
`);
  });

  it('exports a page whose only content is the verdict, and names the file after it', () => {
    const pages = [onlyVerdict, samplePage([], { url: 'https://empty.example/' })];
    expect(toMarkdown(pages, { exportedAt })).toBe(`# Claims

Exported 2024-05-02 14:03 UTC from Claimlens: 0 claims on 1 page.

## [An op-ed](https://other.example/op-ed)

0 claims

**Verdict:** Opinion, no claims to check.
`);
    expect(markdownFileName(pages, exportedAt)).toBe('an-op-ed.md');
  });

  it('leaves out a verdict of blanks, and escapes one full of Markdown and HTML like a note', () => {
    const blank = toMarkdown([samplePage([sampleClaim()], { verdict: ' \n ' })], { exportedAt });
    expect(blank).not.toContain('Verdict');
    const hostile = toMarkdown([samplePage([], { verdict: HOSTILE })], { exportedAt });
    expect(hostile.split('\n\n').at(-1)).toBe(
      '**Verdict:** # Not a heading\\\n\\<script>alert(1)\\</script> \\[x]\\(javascript:alert(1)) \\*\\*bold\\*\\* \\`code\\`\n',
    );
  });
});

describe('the page verdict in ClaimReview', () => {
  it('is a ClaimReview of the article itself, before the claims of its page', () => {
    const graph = (toClaimReviews([judged], { author: { name: 'A. Reader' } }) as Graph)['@graph'];
    expect(graph).toHaveLength(2);
    expect(graph[0]).toEqual({
      '@type': 'ClaimReview',
      '@id': 'urn:claimlens:verdict:https%3A%2F%2Fnews.example.com%2Feconomy%2Fjobs',
      url: 'https://news.example.com/economy/jobs',
      datePublished: '2024-05-03T10:15:00.007Z',
      itemReviewed: {
        '@type': 'CreativeWork',
        url: 'https://news.example.com/economy/jobs',
        headline: 'Jobs report: what the minister got right',
        name: 'Jobs report: what the minister got right',
        publisher: { '@type': 'Organization', name: 'Example News' },
      },
      reviewBody: verdict,
      author: { '@type': 'Person', name: 'A. Reader' },
    });
    expect(graph[1]).toMatchObject({ '@id': 'urn:uuid:7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b' });
  });

  it('is there for a page with no judged claim, carries hostile text as data, and is absent without a verdict', () => {
    const page = samplePage([sampleClaim({ status: 'unreviewed' })], { title: '', site: '', verdict: HOSTILE });
    const graph = (toClaimReviews([page, samplePage([])]) as Graph)['@graph'];
    expect(graph).toEqual([
      {
        '@type': 'ClaimReview',
        '@id': 'urn:claimlens:verdict:https%3A%2F%2Fnews.example.com%2Feconomy%2Fjobs',
        url: 'https://news.example.com/economy/jobs',
        itemReviewed: { '@type': 'CreativeWork', url: 'https://news.example.com/economy/jobs' },
        reviewBody: HOSTILE,
      },
    ]);
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });
});

describe('the page verdict as a Web Annotation', () => {
  it('is an assessing annotation of the whole page, before the claims of that page', () => {
    const collection = toWebAnnotations([judged, onlyVerdict], { id: 'urn:x' }) as Collection;
    expect(collection.total).toBe(3);
    expect(collection.first.items.map((a) => a.id)).toEqual([
      'urn:claimlens:verdict:https%3A%2F%2Fnews.example.com%2Feconomy%2Fjobs',
      'urn:uuid:7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b',
      'urn:claimlens:verdict:https%3A%2F%2Fother.example%2Fop-ed',
    ]);
    expect(collection.first.items[0]).toEqual({
      id: 'urn:claimlens:verdict:https%3A%2F%2Fnews.example.com%2Feconomy%2Fjobs',
      type: 'Annotation',
      motivation: 'assessing',
      modified: '2024-05-03T10:15:00.007Z',
      body: [{ type: 'TextualBody', purpose: 'assessing', value: verdict, format: 'text/plain' }],
      target: { source: 'https://news.example.com/economy/jobs' },
    });
  });

  it('keeps hostile text as it was typed, and is absent without a verdict', () => {
    const collection = toWebAnnotations([samplePage([], { verdict: HOSTILE }), samplePage([])]) as Collection;
    expect(collection.first.items.map((a) => a.body)).toEqual([
      [{ type: 'TextualBody', purpose: 'assessing', value: HOSTILE, format: 'text/plain' }],
    ]);
  });
});
