import { describe, expect, it, vi } from 'vitest';
import { withScoreCache } from './score-cache';
import type { EncoderScorer } from './scorer';

function fakeScorer() {
  const score = vi.fn(async (texts: string[]) => texts.map((text) => text.length / 100));
  return { scorer: { score, config: {}, tokenizer: {} } as unknown as EncoderScorer, score };
}

describe('withScoreCache', () => {
  it('asks the model only for sentences it has not scored, and answers in order', async () => {
    const { scorer, score } = fakeScorer();
    const cached = withScoreCache(scorer);
    expect(await cached.score(['aa', 'bbbb'])).toEqual([0.02, 0.04]);
    expect(await cached.score(['bbbb', 'c', 'aa', 'c'])).toEqual([0.04, 0.01, 0.02, 0.01]);
    expect(score.mock.calls.map((call) => call[0])).toEqual([['aa', 'bbbb'], ['c']]);
  });

  it('forgets the least recently used sentences beyond its capacity', async () => {
    const { scorer, score } = fakeScorer();
    const cached = withScoreCache(scorer, 2);
    await cached.score(['a', 'b']);
    await cached.score(['a']); // a is now the most recent
    await cached.score(['c']); // b goes
    await cached.score(['a', 'b']);
    expect(score.mock.calls.map((call) => call[0])).toEqual([['a', 'b'], ['c'], ['b']]);
  });
});
