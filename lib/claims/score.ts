import type { Cue, SentenceScore } from './types';
import { detectCues, detectNeutralCues } from './cues';
import { loadModel, scoreWithModel, type LoadedModel, type ShippedModel } from './model/linear';
import shipped from './model/weights.json';
import { isScoringLanguage } from './language';

/**
 * Check-worthiness of one sentence: a logistic regression over words, word pairs, topic-free word classes (economy,
 * change verbs, quantities, opinion, intent, thanks...) and the cues below, trained on political debates by
 * `npm run claims:train` (see lib/claims/model/). The cues are also the reader-facing reasons for a highlight.
 */
export { detectCues } from './cues';

let model: LoadedModel | undefined;

/**
 * The quick model, loaded on first use: its 6,000 weights took 20-50 ms to load, which made the content script's first
 * task (evaluating the bundle) the longest on every page. The finder's warm-up loads it in a task of its own.
 */
export function quickModel(): LoadedModel {
  model ??= loadModel(shipped as ShippedModel);
  return model;
}

/**
 * Scores at or above this are highlighted. The cut was chosen on later debates than the model that scored them had
 * seen, and the bias is shifted so it reads 0.5.
 */
export const CLAIM_THRESHOLD: number = shipped.threshold;

/** The trained model reads English only; other languages get the language-neutral cues (quotes, figures). */
export { isScoringLanguage };

// ASCII word boundaries on purpose: Unicode-aware ones made this check the slowest part of scoring.
const wordList = (words: string) => new RegExp(`\\b(?:${words.trim().split(/\s+/).join('|')})\\b`, 'gi');
const ENGLISH_WORDS = wordList(
  'the of and to is in that it was for on are with as be at this have from or had by not but we they you he she his her an were which their has been will would there what all if who its',
);
const OTHER_WORDS = wordList(`
  le la les des est et une du que qui dans pour pas sur au aux ce ces sont avec par plus ont cette leur
  der die das und ist nicht ein eine den dem mit sich auch auf von zu wird sind
  el los las es y por con una para del se lo como pero sus su muy
  il di che non della sono gli nel per alla questo
  os um uma ao pelo mais`);
/** Letters outside the Latin script, Latin punctuation and symbols. */
const NON_LATIN = /[^\s\u0020-\u024f\u1e00-\u1eff\u2000-\u20cf\u2100-\u214f]/u;

/** True when a sentence is clearly not English: mostly non-Latin letters, or more foreign than English function words. */
export function looksNonEnglish(text: string): boolean {
  if (NON_LATIN.test(text)) {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (letters > 0 && latin / letters < 0.5) return true;
  }
  const other = text.match(OTHER_WORDS)?.length ?? 0;
  if (other < 2) return false;
  return other > (text.match(ENGLISH_WORDS)?.length ?? 0);
}

const NEUTRAL_SCORES = { both: 0.7, figure: 0.6, quote: 0.4, none: 0.1 };

/**
 * Outside English only figures are highlighted (with or without a quote): quotes alone are too common in foreign news
 * to be a reason by themselves, and they stay as a cue below the threshold.
 */
function scoreNeutral(text: string): SentenceScore {
  const cues = detectNeutralCues(text);
  const figure = cues.includes('figure');
  const quote = cues.includes('quote');
  const score =
    figure && quote
      ? NEUTRAL_SCORES.both
      : figure
        ? NEUTRAL_SCORES.figure
        : quote
          ? NEUTRAL_SCORES.quote
          : NEUTRAL_SCORES.none;
  return { score, cues };
}

export function scoreSentence(text: string, options: { lang?: string } = {}): SentenceScore {
  if ((options.lang !== undefined && !isScoringLanguage(options.lang)) || looksNonEnglish(text))
    return scoreNeutral(text);
  const cues: Cue[] = detectCues(text);
  return { score: scoreWithModel(quickModel(), text, cues), cues };
}
