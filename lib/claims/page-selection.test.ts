import { describe, expect, it } from 'vitest';
import { SELECTION, selectForPage, withCueNudge, type SelectionPolicy } from './page-selection';

const policy: SelectionPolicy = { share: 0.3, floor: 0.5, sure: 0.95 };

describe('selectForPage', () => {
  it('keeps the strongest sentences up to the share of the page', () => {
    const scores = [0.9, 0.55, 0.8, 0.7, 0.6, 0.65, 0.52, 0.51, 0.75, 0.58];
    const chosen = selectForPage(scores, policy);
    expect(chosen.filter(Boolean)).toHaveLength(3);
    expect(scores.filter((_, i) => chosen[i])).toEqual([0.9, 0.8, 0.75]);
  });

  it('never highlights below the floor, however short the page', () => {
    expect(selectForPage([0.4, 0.3], policy)).toEqual([false, false]);
    expect(selectForPage([0.6, 0.49], policy)).toEqual([true, false]);
  });

  it('keeps near-certain sentences past the share', () => {
    const chosen = selectForPage([0.99, 0.98, 0.97, 0.96, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2], policy);
    expect(chosen.slice(0, 4)).toEqual([true, true, true, true]);
  });

  it('breaks ties by page order, so a page always gives the same choice', () => {
    expect(selectForPage([0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.1, 0.1, 0.1, 0.1], policy)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('handles an empty page', () => {
    expect(selectForPage([], policy)).toEqual([]);
  });

  it('orders the sensitivities: more highlights at least as much as balanced, balanced as fewer', () => {
    const scores = Array.from({ length: 40 }, (_, i) => ((i * 37) % 100) / 100);
    const count = (p: SelectionPolicy) => selectForPage(scores, p).filter(Boolean).length;
    expect(count(SELECTION.more)).toBeGreaterThan(count(SELECTION.balanced));
    expect(count(SELECTION.balanced)).toBeGreaterThan(count(SELECTION.fewer));
  });

  it('nudges scores by the reasons shown, quotations with their speaker most, never above 1', () => {
    expect(withCueNudge(0.5, [])).toBe(0.5);
    expect(withCueNudge(0.5, ['figure'])).toBeCloseTo(0.55);
    expect(withCueNudge(0.5, ['quote', 'attribution'])).toBeCloseTo(0.65);
    expect(withCueNudge(0.98, ['quote', 'attribution'])).toBe(1);
  });
});
