import { describe, expect, it } from 'vitest';
import { isDismissed, mergeClaims, type Suggestion } from './merge';
import type { Claim } from '../model';

const suggestion = (id: string, start: number, end: number): Suggestion => ({
  id,
  exact: id,
  selectors: [{ type: 'TextPositionSelector', start, end }],
  score: 0.9,
  cues: ['quote'],
  start,
  end,
});

const stored = (id: string): Claim => ({
  id,
  pageUrl: 'https://a.example/',
  exact: id,
  selectors: [],
  origin: 'auto',
  status: 'unsourced',
  note: 'n',
  evidence: [],
  createdAt: 1,
  updatedAt: 1,
});

describe('mergeClaims', () => {
  it('lists suggestions and anchored stored claims in page order, orphans last', () => {
    const merged = mergeClaims(
      [suggestion('s1', 0, 10), suggestion('s2', 50, 60)],
      [
        { claim: stored('kept'), position: { start: 20, end: 30 } },
        { claim: stored('lost'), position: null },
      ],
    );
    expect(merged.map((c) => [c.id, c.anchored])).toEqual([
      ['s1', true],
      ['kept', true],
      ['s2', true],
      ['lost', false],
    ]);
  });

  it('drops a suggestion that a stored claim already covers', () => {
    const merged = mergeClaims(
      [suggestion('fresh', 100, 150)],
      [{ claim: stored('mine'), position: { start: 110, end: 140 } }],
    );
    expect(merged.map((c) => c.id)).toEqual(['mine']);
    expect(merged[0]!.origin).toBe('auto');
  });

  it('keeps suggestions that merely touch a stored claim', () => {
    const merged = mergeClaims(
      [suggestion('next', 30, 40)],
      [{ claim: stored('mine'), position: { start: 20, end: 30 } }],
    );
    expect(merged.map((c) => c.id)).toEqual(['mine', 'next']);
  });
});

describe('mergeClaims: a marked claim never hides its neighbour', () => {
  it('keeps the previous sentence when the stored claim overlaps it by a character or two', () => {
    // The reader's selection took the space and the full stop of the sentence before.
    const merged = mergeClaims(
      [suggestion('before', 0, 59), suggestion('marked', 60, 140)],
      [{ claim: stored('mine'), position: { start: 58, end: 140 } }],
    );
    expect(merged.map((c) => c.id)).toEqual(['before', 'mine']);
  });

  it('drops the suggestion a stored claim stands for by id, wherever the stored claim anchored', () => {
    const merged = mergeClaims(
      [suggestion('a', 0, 59), suggestion('b', 60, 140)],
      [{ claim: stored('b'), position: { start: 30, end: 110 } }],
    );
    expect(merged.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('lists no id twice, even for an orphan whose suggestion is still found', () => {
    const merged = mergeClaims([suggestion('b', 60, 140)], [{ claim: stored('b'), position: null }]);
    expect(merged.map((c) => [c.id, c.anchored])).toEqual([['b', false]]);
  });

  it('still drops a suggestion the reader marked by hand with a slightly different span', () => {
    const merged = mergeClaims(
      [suggestion('s', 100, 150)],
      [{ claim: stored('hand'), position: { start: 98, end: 149 } }],
    );
    expect(merged.map((c) => c.id)).toEqual(['hand']);
  });
});

describe('isDismissed', () => {
  const dismissals = [{ id: 'x', pageUrl: 'https://a.example/', exact: 'Old sentence.', createdAt: 1 }];
  it('matches a dismissed suggestion by id or by text', () => {
    expect(isDismissed(dismissals, { id: 'x', exact: 'Changed.' })).toBe(true);
    expect(isDismissed(dismissals, { id: 'y', exact: 'Old sentence.' })).toBe(true);
    expect(isDismissed(dismissals, { id: 'y', exact: 'New sentence.' })).toBe(false);
  });
});
