import { readFileSync } from 'node:fs';
import { corpusPath } from '../../scripts/lib/paths';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { scoreWithModel, type LoadedModel } from './model/linear';
import { CLAIM_THRESHOLD, detectCues, isScoringLanguage, looksNonEnglish, quickModel, scoreSentence } from './score';
import weights from './model/weights.json';

const seed = readFileSync(corpusPath('seed', '000_9a81a233a61bdacf.txt'), 'utf8');

/** The sentence of the seed article that contains `fragment`, cut at sentence ends outside quotes. */
function seedSentence(fragment: string): string {
  const at = seed.indexOf(fragment);
  expect(at, fragment).toBeGreaterThanOrEqual(0);
  const start = Math.max(seed.lastIndexOf('. ', at) + 2, seed.lastIndexOf('\n', at) + 1);
  const end = seed.indexOf('.', at + fragment.length);
  return seed.slice(start, end + 1).trim();
}

describe('scoreSentence', () => {
  it('returns a score in [0, 1] and the cues', () => {
    const result = scoreSentence('The deficit doubled to $1.4 trillion because of the recession, the CBO said.');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.cues).toEqual(expect.arrayContaining(['figure', 'attribution', 'causal']));
  });

  it('ranks obvious check-worthy sentences above obvious non-claims', () => {
    const claims = [
      'Unemployment has fallen to 3.5 percent, the lowest rate in fifty years.',
      'The governor cut school funding by $2 billion last year.',
      'Crime in our cities has risen 20 percent since 2014.',
      'We have lost 60,000 factories since China joined the World Trade Organization.',
    ];
    const chatter = [
      'Thank you very much.',
      'Good evening, everyone.',
      'I want to thank the moderator.',
      'Let me finish.',
    ];
    const lowestClaim = Math.min(...claims.map((text) => scoreSentence(text).score));
    const highestChatter = Math.max(...chatter.map((text) => scoreSentence(text).score));
    expect(lowestClaim).toBeGreaterThan(highestChatter);
    for (const text of claims) expect(scoreSentence(text).score, text).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    for (const text of chatter) expect(scoreSentence(text).score, text).toBeLessThan(CLAIM_THRESHOLD);
  });

  it('finds the claims of the seed article with their reasons', () => {
    const fee = seedSentence('between $42,000 and $210,000 per month');
    const tweet = seedSentence('“They trained illegally using Twitter data.');
    const training = seedSentence('Microsoft used Twitter’s data, including user tweets');
    expect(tweet).toBe('“They trained illegally using Twitter data. Lawsuit time,” Musk said in a tweet.');
    for (const text of [fee, tweet, training])
      expect(scoreSentence(text).score, text).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(scoreSentence(fee).cues).toEqual(expect.arrayContaining(['figure', 'vague-attribution']));
    expect(scoreSentence(tweet).cues).toEqual(expect.arrayContaining(['quote', 'attribution']));
    expect(scoreSentence(training).cues).toContain('attribution');
  });

  it('is deterministic', () => {
    const text = 'Critics say the tax cut cost 2 million jobs.';
    expect(scoreSentence(text)).toEqual(scoreSentence(text));
  });
});

describe('non-English text', () => {
  it('tells which languages the model scores', () => {
    expect(isScoringLanguage('en')).toBe(true);
    expect(isScoringLanguage('en-GB')).toBe(true);
    expect(isScoringLanguage('fr')).toBe(false);
    expect(isScoringLanguage('de-DE')).toBe(false);
  });

  it('recognises clearly foreign sentences', () => {
    expect(looksNonEnglish('Le gouvernement a annoncé que la réforme des retraites sera votée cette semaine.')).toBe(
      true,
    );
    expect(looksNonEnglish('Die Regierung hat die Reform nicht mit den Gewerkschaften besprochen.')).toBe(true);
    expect(looksNonEnglish('Правительство объявило о реформе.')).toBe(true);
    expect(looksNonEnglish('The government announced the pension reform on Monday.')).toBe(false);
  });

  it('scores only quotes and figures, highlighting sentences with figures alone', () => {
    const figure = scoreSentence('Le chômage a baissé de 2,5 % en un an.', { lang: 'fr' });
    const quote = scoreSentence('« Nous allons gagner », a déclaré le ministre.', { lang: 'fr' });
    const plain = scoreSentence('Le ministre est arrivé à Paris hier soir.', { lang: 'fr' });
    expect(figure).toEqual({ score: expect.any(Number), cues: ['figure'] });
    expect(figure.score).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(quote.cues).toEqual(['quote']);
    expect(quote.score).toBeLessThan(CLAIM_THRESHOLD);
    expect(plain).toEqual({ score: expect.any(Number), cues: [] });
    expect(plain.score).toBeLessThan(CLAIM_THRESHOLD);
  });

  it('uses the same neutral scoring for a foreign sentence on a page without a language', () => {
    const text = 'Selon le gouvernement, les dépenses ont augmenté de 12 % pour atteindre 4,5 milliards.';
    expect(scoreSentence(text).cues).toEqual(['figure']);
  });

  it('ignores the lang hint for English pages', () => {
    const text = 'Critics say the plan will cost $3 billion.';
    expect(scoreSentence(text, { lang: 'en-US' })).toEqual(scoreSentence(text));
  });
});

describe('shipped weights', () => {
  it('load and stay within the size budget', () => {
    const json = JSON.stringify(weights);
    expect(Object.keys(weights.weights).length).toBeGreaterThan(1000);
    expect(json.length).toBeLessThanOrEqual(300 * 1024);
    expect(gzipSync(json).length).toBeLessThanOrEqual(40 * 1024);
    expect(CLAIM_THRESHOLD).toBeGreaterThan(0);
    expect(CLAIM_THRESHOLD).toBeLessThan(1);
  });

  it('give the cue features the direction a fact-checker expects', () => {
    expect(weights.weights['c:figure']).toBeGreaterThan(0);
    expect(weights.weights['x:question']).toBeLessThan(0);
    const w = weights.weights as Record<string, number | undefined>;
    for (const feature of ['k:econ', 'k:change', 'k:quantity', 'k:pastfact'])
      expect(w[feature], feature).toBeGreaterThan(0);
    for (const feature of ['k:thanks', 'k:intent', 'k:opinion', 'k:moderator', 'k:trailing'])
      expect(w[feature], feature).toBeLessThan(0);
  });
});

describe('the quick model, loaded on first use', () => {
  it('is not loaded when the module is evaluated, only when a sentence is scored', async () => {
    vi.resetModules();
    const loadModel = vi.fn();
    vi.doMock('./model/linear', async (original) => {
      const linear = await original<typeof import('./model/linear')>();
      loadModel.mockImplementation(linear.loadModel);
      return { ...linear, loadModel };
    });
    try {
      const score = await import('./score');
      expect(score.CLAIM_THRESHOLD).toBe(weights.threshold);
      expect(loadModel).not.toHaveBeenCalled();
      score.scoreSentence('Unemployment has fallen to 3.5 percent.');
      score.scoreSentence('Crime has risen 20 percent since 2014.');
      expect(loadModel).toHaveBeenCalledTimes(1);
    } finally {
      vi.doUnmock('./model/linear');
      vi.resetModules();
    }
  });

  it('holds every shipped weight, scaled, and scores like the model loaded at once did', () => {
    // The load as it was before it became lazy: every weight times the scale, through Object.entries.
    const eager: LoadedModel = {
      options: weights.options as LoadedModel['options'],
      bias: weights.bias,
      threshold: weights.threshold,
      weights: new Map(Object.entries(weights.weights).map(([feature, w]) => [feature, w * weights.scale])),
    };
    expect(quickModel()).toEqual(eager);
    expect(quickModel()).toBe(quickModel());
    // The CheckThat! dev sentences (the debates the quick model is measured on) and the seed article's.
    const dev = readFileSync(corpusPath('checkworthy', 'CT24_checkworthy_english_dev.tsv'), 'utf8');
    const sentences = [...dev.split('\n').slice(1), ...seed.split(/(?<=[.!?])\s+/)]
      .map((line) =>
        line
          .split('\t')
          .at(line.includes('\t') ? 1 : 0)!
          .trim(),
      )
      .filter((text) => text.length > 20 && !looksNonEnglish(text));
    expect(sentences.length).toBeGreaterThan(900);
    for (const text of sentences)
      expect(scoreSentence(text).score, text).toBe(scoreWithModel(eager, text, detectCues(text)));
  });
});

describe('detectCues re-export', () => {
  it('is the cue detector', () => {
    expect(detectCues('Sources say 40% of staff quit.')).toEqual(['figure', 'vague-attribution']);
  });
});
