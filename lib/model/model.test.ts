import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, countByStatus, matchesWords, positionSelectorOf, queryWords, quoteSelectorOf } from './index';

describe('domain model helpers', () => {
  it('counts every status, zero included', () => {
    expect(countByStatus([{ status: 'sourced' }, { status: 'sourced' }, { status: 'unsourced' }])).toEqual({
      unreviewed: 0,
      sourced: 2,
      unsourced: 1,
    });
    expect(Object.keys(countByStatus([]))).toEqual([...CLAIM_STATUSES]);
  });

  it('finds each kind of selector, or none', () => {
    const quote = { type: 'TextQuoteSelector', exact: 'a', prefix: '', suffix: '' } as const;
    const position = { type: 'TextPositionSelector', start: 3, end: 4 } as const;
    expect(quoteSelectorOf([position, quote])).toBe(quote);
    expect(positionSelectorOf([quote, position])).toBe(position);
    expect(quoteSelectorOf([position])).toBeUndefined();
  });

  it('matches every folded query word in the quote or the note', () => {
    const claim = { exact: 'The Étude found 40% more', note: 'Ask the ministry' };
    expect(queryWords('  etude   MINISTRY ')).toEqual(['etude', 'ministry']);
    expect(matchesWords(claim, queryWords('etude ministry'))).toBe(true);
    expect(matchesWords(claim, queryWords('etude police'))).toBe(false);
    expect(queryWords('   ')).toEqual([]);
  });
});
