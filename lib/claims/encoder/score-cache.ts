import type { EncoderScorer } from './scorer';

/** Sentences remembered: a few dozen long articles. Each entry is a sentence and a number. */
const CAPACITY = 5000;

/**
 * Remembers the score of each sentence text (least recently used out first). A page is scored again on every change
 * (a correction, each infinite-scroll load, a return visit), and most of its sentences have not changed; scores are
 * per sentence (one sentence per model run), so a remembered score is exactly the one the model would give.
 */
export function withScoreCache(scorer: EncoderScorer, capacity = CAPACITY): EncoderScorer {
  const cache = new Map<string, number>();
  return {
    config: scorer.config,
    tokenizer: scorer.tokenizer,
    async score(texts) {
      const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
      const fresh = missing.length ? await scorer.score(missing) : [];
      missing.forEach((text, i) => cache.set(text, fresh[i]!));
      const scores = texts.map((text) => {
        const score = cache.get(text)!;
        cache.delete(text); // re-insert: the Map's order is the recency order
        cache.set(text, score);
        return score;
      });
      while (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return scores;
    },
  };
}
