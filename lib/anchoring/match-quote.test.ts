import { describe, expect, it } from 'vitest';
import { prefixScore, suffixScore } from './context-score';
import { errorBudget, matchQuote } from './match-quote';
import { foldSelectorText, foldText } from './normalize';

const text = 'The minister said the budget grew by 4% last year. Critics said the budget shrank. The end.';
const ctx = (quote: string, at = text.indexOf(quote)) => ({
  prefix: text.slice(Math.max(0, at - 32), at),
  suffix: text.slice(at + quote.length, at + quote.length + 32),
  hint: at,
});

describe('matchQuote', () => {
  it('ranks repeated quotes by their context', () => {
    const second = text.indexOf('said the budget', 20);
    expect(matchQuote(text, 'said the budget', ctx('said the budget', second))?.start).toBe(second);
    expect(matchQuote(text, 'said the budget', ctx('said the budget'))?.start).toBe(text.indexOf('said the budget'));
  });

  it('finds a quote whose typo was corrected, on the corrected span', () => {
    const c = ctx('the budget grew by 4% last year');
    const edited = text.replace('the budget grew', 'the budgte grew');
    const m = matchQuote(edited, 'the budget grew by 4% last year', c);
    expect(m && edited.slice(m.start, m.end)).toBe('the budgte grew by 4% last year');
  });

  it('returns null for a deleted quote rather than a look-alike', () => {
    const c = ctx('the budget grew by 4% last year');
    const deleted = text.replace('the budget grew by 4% last year', '');
    expect(matchQuote(deleted, 'the budget grew by 4% last year', c)).toBeNull();
  });

  it('returns null for a common quote that lost its context', () => {
    expect(matchQuote('Something else entirely. said the budget. More.', 'said the budget', ctx('said the budget'))).toBeNull();
  });

  it('keeps the error budget proportional and tighter with one side of context', () => {
    expect(errorBudget(15, false)).toBe(3);
    expect(errorBudget(150, false)).toBeLessThan(errorBudget(150, true));
  });
});

describe('context scores', () => {
  it('compare the context adjacent to the candidate', () => {
    expect(prefixScore('abc quote', 4, 'abc ')).toBe(1);
    expect(suffixScore('quote xyz', 5, ' xyz')).toBe(1);
    expect(prefixScore('abc quote', 4, 'zzz ')).toBeLessThan(0.5);
  });
});

describe('folding', () => {
  it('maps line breaks and typographic punctuation character for character', () => {
    expect(foldText('“Hi”\n–')).toBe('"Hi" -');
    expect(foldSelectorText('a \n\t b')).toBe('a b');
  });
});
