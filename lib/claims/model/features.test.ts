import { describe, expect, it } from 'vitest';
import { extractFeatures, tokenize, type FeatureOptions } from './features';

const SHIPPED: FeatureOptions = { bigrams: true, prefix: 0, charGrams: 0, pronouns: true, names: 1, lexicon: true };

describe('tokenize', () => {
  it('folds numbers, money, pronouns and names to their shape', () => {
    expect(tokenize('She said Obama cut $2 billion in 2012.', SHIPPED)).toEqual([
      '<he>',
      'said',
      '<name>',
      'cut',
      '<cur>',
      '<digit>',
      'billion',
      'in',
      '<year>',
    ]);
  });

  it('hands the unfolded lower-case words to the word classes', () => {
    const plain: string[] = [];
    tokenize('I think Obama won in 2012.', SHIPPED, plain);
    expect(plain).toEqual(['i', 'think', 'obama', 'won', 'in', '<year>']);
  });
});

describe('extractFeatures word classes', () => {
  const has = (text: string, feature: string) => extractFeatures(text, SHIPPED).includes(feature);

  it('marks topic-free signs of a claim', () => {
    expect(has('Unemployment went up by 3 percent last year.', 'k:econ')).toBe(true);
    expect(has('Unemployment went up by 3 percent last year.', 'k:change')).toBe(true);
    expect(has('Unemployment went up by 3 percent last year.', 'k:quantity')).toBe(true);
    expect(has('Unemployment went up by 3 percent last year.', 'k:timeanchor')).toBe(true);
    expect(has('He voted against the bill in 2003.', 'k:policy')).toBe(true);
    expect(has('He voted against the bill in 2003.', 'k:timeanchor')).toBe(true);
  });

  it('marks chatter, opinion and intent', () => {
    expect(has('Thank you, and good evening.', 'k:thanks')).toBe(true);
    expect(has("I think we're going to win.", 'k:opinion')).toBe(true);
    expect(has("I think we're going to win.", 'k:intent')).toBe(true);
    expect(has('We need to do better.', 'k:intent')).toBe(true);
    expect(has('Well, let me finish --', 'k:trailing')).toBe(true);
    expect(has('Well, let me finish --', 'k:discourse-start')).toBe(true);
    expect(has('Go ahead.', 'k:fragment')).toBe(true);
    expect(has('The tax cut cost jobs.', 'k:opinion')).toBe(false);
  });

  it('adds no word classes unless asked', () => {
    expect(
      extractFeatures('I think taxes went up.', { ...SHIPPED, lexicon: false }).some((f) => f.startsWith('k:')),
    ).toBe(false);
  });
});
