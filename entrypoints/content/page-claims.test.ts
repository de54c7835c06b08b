// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '@/lib/anchoring/text-index';
import type { LocatedClaim } from '@/lib/claims/find-claims';
import { toStoredClaim } from '@/lib/claims/merge';
import { Highlighter, type HighlightEnv } from '@/lib/highlight/highlighter';
import { pickHighlightNames } from '@/lib/highlight/names';
import { PageClaimList } from './page-claims';

const URL = 'https://news.example/story';
const FIRST = 'Twitter’s CEO is now demanding compensation from Microsoft.';
const SECOND = '“They trained illegally using Twitter data. Lawsuit time,” Musk said in a tweet.';

function found(text: string): LocatedClaim {
  const node = document.querySelector('article p')!.firstChild as Text;
  const range = document.createRange();
  const at = node.data.indexOf(text);
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  return { text, score: 0.9, cues: ['quote'], range, root: document.body, start: 0, end: 0 } as unknown as LocatedClaim;
}

describe('PageClaimList.reconcile', () => {
  function setUp(ticker: string) {
    document.body.innerHTML = `<div class="ticker">${ticker}</div><article><p>${FIRST} ${SECOND} More text.</p></article>`;
    const claims = new PageClaimList(null);
    claims.suggest([found(FIRST), found(SECOND)], URL, document.body, buildTextIndex(document.body));
    claims.reconcile([], [], document.body, buildTextIndex(document.body));
    expect(claims.list.map((c) => c.exact)).toEqual([FIRST, SECOND]);
    return { claims, first: claims.list[0]!, second: claims.list[1]! };
  }

  // Text outside the article (a ticker, an ad filling its slot) starts no new pass but moves every offset; the
  // reader then marks a claim unsourced and the panel asks the page to refresh.
  it.each([
    ['grows', 'Thursday', 'Thursday · Markets: Dow up 0.4%, Nasdaq down 0.2% (live)', 'first'],
    ['shrinks', 'Thursday · Markets: Dow up 0.4%, Nasdaq down 0.2% (live)', 'Thursday', 'second'],
  ] as const)('keeps the neighbour of a marked claim when text before the article %s', (_, before, after, which) => {
    const { claims, first, second } = setUp(before);
    document.querySelector('.ticker')!.textContent = after;
    const target = which === 'first' ? first : second;
    const marked = { ...toStoredClaim(target, URL, 1), status: 'unsourced' as const };
    claims.reconcile([marked], [], document.body, buildTextIndex(document.body));

    expect(claims.list.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(claims.statusOf(target.id)).toBe('unsourced');
    expect(claims.statusOf((which === 'first' ? second : first).id)).toBe('unreviewed');
    expect(claims.ranges.get(first.id)?.toString()).toBe(FIRST);
    expect(claims.ranges.get(second.id)?.toString()).toBe(SECOND);
  });
});

describe('PageClaimList.paint', () => {
  it('draws untouched suggestions as suggested, and claims in storage by their status (kept unreviewed too)', () => {
    document.body.innerHTML = `<article><p>${FIRST} ${SECOND} More text.</p></article>`;
    const painted: Record<string, string[]> = {};
    const names = pickHighlightNames(() => 0);
    const env: HighlightEnv = {
      registry: {
        set: (name, h) => (painted[name] = (h as unknown as Range[]).map((r) => r.toString())),
        delete: (name) => delete painted[name],
      },
      createHighlight: (ranges) => ranges as unknown as Highlight,
    };
    const claims = new PageClaimList(new Highlighter(env, names));
    claims.suggest([found(FIRST), found(SECOND)], URL, document.body, buildTextIndex(document.body));
    claims.reconcile([], [], document.body, buildTextIndex(document.body));
    claims.paint(true);
    expect(painted).toEqual({ [names.suggested]: [FIRST, SECOND] });

    const kept = toStoredClaim(claims.list[1]!, URL, 1);
    claims.reconcile([kept], [], document.body, buildTextIndex(document.body));
    claims.paint(true);
    expect(painted).toEqual({ [names.suggested]: [FIRST], [names.unreviewed]: [SECOND] });

    claims.reconcile([{ ...kept, status: 'sourced' }], [], document.body, buildTextIndex(document.body));
    claims.paint(true);
    expect(painted).toEqual({ [names.suggested]: [FIRST], [names.sourced]: [SECOND] });
  });
});
