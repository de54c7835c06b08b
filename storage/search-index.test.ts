import { describe, expect, it } from 'vitest';
import { samplePages } from '../lib/backup/sample-data';
import { buildSegment, compactionRun, lookUp, mergeSegments, type SearchSegment } from './search-index';
import { claimWords, hasEveryPrefix, wordsOf } from '../lib/model/search-words';

const found = (segments: SearchSegment[], query: string[]) =>
  lookUp(segments, query)
    .candidates.map((c) => `${c.id}@${c.updatedAt}`)
    .sort();

describe('search words', () => {
  it('folds case and accents and splits at anything but letters and digits', () => {
    expect(wordsOf('Étude: the INSEE says 3.9%, not 4.1% (Twitter’s data)')).toEqual([
      'etude',
      'the',
      'insee',
      'says',
      '3',
      '9',
      'not',
      '4',
      '1',
      'twitter',
      's',
      'data',
    ]);
    expect(wordsOf('naïve café, NAÏVE cafe')).toEqual(['naive', 'cafe']);
    expect(wordsOf('東京都 Tokyo')).toEqual(['東', '京', '都', 'tokyo']);
    expect(hasEveryPrefix(claimWords({ exact: 'Unemployment fell', note: '' }), ['unemp', 'f'])).toBe(true);
    expect(hasEveryPrefix(claimWords({ exact: 'Unemployment fell', note: '' }), ['employment'])).toBe(false);
  });
});

describe('search index segments', () => {
  const claims = samplePages(5, 300, 3).flatMap((p) => p.claims);

  it('finds what a scan of the claims finds', () => {
    const segments = [buildSegment(claims.slice(0, 100)), buildSegment(claims.slice(100))];
    for (const query of [['unemp'], ['rate', 'tax'], ['the', 'report', 'b'], ['zebra']]) {
      const scan = claims
        .filter((c) => hasEveryPrefix(claimWords(c), query))
        .map((c) => `${c.id}@${c.updatedAt}`)
        .sort();
      expect(found(segments, query)).toEqual(scan);
    }
  });

  it('lets the newest entry of a claim win, deletions included', () => {
    const [a, b] = claims;
    const segments = [
      buildSegment([
        { ...a!, note: 'alpha' },
        { ...b!, note: 'alpha' },
      ]),
      buildSegment([{ ...a!, note: 'beta', updatedAt: 9 }]),
      buildSegment([], [b!.id]),
    ];
    expect(found(segments, ['alpha'])).toEqual([]);
    expect(found(segments, ['beta'])).toEqual([`${a!.id}@9`]);
    expect(lookUp(segments, ['x'])).toMatchObject({ entries: 4, live: 1 });
  });

  it('merging keeps the answers, whether or not the run starts at the oldest segment', () => {
    const edits = claims.slice(0, 40).map((c, i) => ({ ...c, note: `edited ${i}`, updatedAt: c.updatedAt + 1 }));
    const segments = [
      buildSegment(claims.slice(0, 150)),
      buildSegment(claims.slice(150)),
      ...edits.map((c) => buildSegment([c])),
      buildSegment([], [claims[100]!.id, claims[200]!.id]),
    ];
    const queries = [['edited'], ['edited', '3'], ['unemp'], ['rate', 'tax'], ['the']];
    const whole = [mergeSegments(segments, true)];
    const tail = [...segments.slice(0, 2), mergeSegments(segments.slice(2), false)];
    for (const query of queries) {
      expect(found(whole, query)).toEqual(found(segments, query));
      expect(found(tail, query)).toEqual(found(segments, query));
    }
    expect(whole[0]!.deleted).toEqual([]);
    expect(tail[2]!.deleted).toHaveLength(2);
  });

  it('merges all segments when stale entries outnumber live ones, or a long tail of small ones', () => {
    const big = buildSegment(samplePages(10, 1200, 4).flatMap((p) => p.claims));
    const smalls = claims.slice(0, 20).map((c) => buildSegment([c]));
    expect(compactionRun([big, ...smalls.slice(0, 15)], { entries: 1215, live: 1215 })).toEqual([]);
    expect(compactionRun([big, ...smalls], { entries: 1220, live: 1220 })).toEqual(smalls);
    expect(compactionRun([big, big], { entries: 40_000, live: 10_000 })).toHaveLength(2);
  });
});
