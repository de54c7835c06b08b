import { describe, expect, it } from 'vitest';
import { chooseClaims } from './choose-claims';
import type { FoundClaim } from './types';

const claim = (text: string, score: number, cues: FoundClaim['cues'] = []): FoundClaim => ({
  start: 0,
  end: text.length,
  text,
  score,
  cues,
});

describe('chooseClaims', () => {
  const page = Array.from({ length: 10 }, (_, i) => claim(`Sentence ${i}`, 0.1));

  it('takes the encoder score where there is one, nudged by cues, and keeps page order', () => {
    const refined = [0.9, null, 0.2, 0.95, 0.1, 0.1, 0.65, 0.1, 0.1, 0.1];
    const withCues = page.map((c, i) => (i === 6 ? { ...c, cues: ['quote' as const, 'attribution' as const] } : c));
    const chosen = chooseClaims(withCues, 'balanced', refined);
    expect(chosen.map((c) => c.text)).toEqual(['Sentence 0', 'Sentence 3', 'Sentence 6']);
    expect(chosen[2]!.score).toBeCloseTo(0.8);
  });

  it('falls back to the quick scores when the encoder did not read the page', () => {
    const quick = page.map((c, i) => ({ ...c, score: i === 4 ? 0.9 : 0.1 }));
    expect(chooseClaims(quick, 'balanced').map((c) => c.text)).toEqual(['Sentence 4']);
  });

  it('highlights more with "more" than with "fewer"', () => {
    const refined = page.map((_, i) => 0.4 + i * 0.06);
    expect(chooseClaims(page, 'more', refined).length).toBeGreaterThan(chooseClaims(page, 'fewer', refined).length);
  });
});
