import { describe, expect, it } from 'vitest';
import { MODEL_REASON, reasonsOf } from './types';

describe('reasonsOf', () => {
  it("shows the cues in the reader's words", () => {
    expect(reasonsOf({ origin: 'auto', cues: ['figure', 'vague-attribution'] })).toEqual([
      'figure',
      'vague attribution',
    ]);
  });

  it('says "check-worthy wording" when only the model found the claim', () => {
    expect(reasonsOf({ origin: 'auto', cues: [] })).toEqual([MODEL_REASON]);
    expect(reasonsOf({ origin: 'auto' })).toEqual(['check-worthy wording']);
  });

  it("gives no reason for the reader's own claims", () => {
    expect(reasonsOf({ origin: 'manual' })).toEqual([]);
  });
});
