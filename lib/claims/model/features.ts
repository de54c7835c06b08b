import { detectCues } from '../cues';
import type { Cue } from '../types';

/**
 * Sparse binary features of a sentence, as strings. The same function runs when training (scripts/claims-train.ts)
 * and when scoring in the page, so the shipped weights and the runtime can never disagree on a feature's name.
 *
 * Words are folded to a short prefix and numbers to their shape: the model must carry over from the debates it was
 * trained on to later ones, and folding trades a little memorisation for that.
 */
export interface FeatureOptions {
  /** Keep word pairs as features. */
  bigrams: boolean;
  /** Fold each word to at most this many letters (0 keeps whole words). */
  prefix: number;
  /** Character n-gram length inside words (0 for none). */
  charGrams: number;
  /** Fold he/she, him/her... to one token, so the model does not learn who ran in which year. */
  pronouns: boolean;
  /** Replace capitalised words inside the sentence by `<name>` (1), or add `<name>` beside them (2). */
  names: 0 | 1 | 2;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, prefix: 0, charGrams: 0, pronouns: false, names: 0 };

const TOKEN = /[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d|[$€£%?]/gi;
const PRONOUNS: Record<string, string | undefined> = {
  he: '<he>', she: '<he>', him: '<him>', her: '<him>', his: '<his>', hers: '<his>', himself: '<himself>',
  herself: '<himself>', "he's": "<he>'s", "she's": "<he>'s", "he'd": "<he>'d", "she'd": "<he>'d", "he'll": "<he>'ll",
  "she'll": "<he>'ll",
};
const YEAR = /^(?:1[6-9]|20)\d\d$/;

export function tokenize(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const tokens: string[] = [];
  const source = text.replace(/[’‘`]/g, "'");
  // Lower-casing once is measurably faster than per token; case is only needed to spot names.
  const lower = options.names ? source : source.toLowerCase();
  const pattern = new RegExp(TOKEN);
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(lower))) {
    const raw = match[0];
    const token = options.names ? raw.toLowerCase() : raw;
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57) tokens.push(YEAR.test(token) ? '<year>' : token.length > 1 ? '<num>' : '<digit>');
    else if (first === 36 || token === '€' || token === '£') tokens.push('<cur>');
    else if (options.pronouns && PRONOUNS[token]) tokens.push(PRONOUNS[token]);
    else if (options.names && tokens.length > 0 && raw !== 'I' && raw[0] !== token[0] && !raw.startsWith("I'")) {
      if (options.names === 2) tokens.push(token);
      tokens.push('<name>');
    } else tokens.push(token);
  }
  return tokens;
}

function fold(token: string, prefix: number): string {
  return prefix > 0 && token.length > prefix && token.charCodeAt(0) !== 60 ? token.slice(0, prefix) : token;
}

function lengthBin(words: number): string {
  if (words <= 4) return 'x:len0';
  if (words <= 8) return 'x:len1';
  if (words <= 14) return 'x:len2';
  if (words <= 24) return 'x:len3';
  return 'x:len4';
}

export function extractFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  cues: Cue[] = detectCues(text),
): string[] {
  const tokens = tokenize(text, options);
  const words = tokens.map((token) => fold(token, options.prefix));
  const features = new Set<string>();
  for (const word of words) features.add('w:' + word);
  if (options.bigrams) {
    let previous = '^';
    for (const word of words) {
      features.add('b:' + previous + ' ' + word);
      previous = word;
    }
  }
  if (options.charGrams > 0) {
    const n = options.charGrams;
    for (const token of tokens) {
      if (token.length < n || token.charCodeAt(0) === 60) continue;
      const padded = ' ' + token + ' ';
      for (let i = 0; i + n <= padded.length; i++) features.add('g:' + padded.slice(i, i + n));
    }
  }
  for (const cue of cues) features.add('c:' + cue);
  features.add(lengthBin(tokens.length));
  if (/\?\s*["”']?\s*$/.test(text)) features.add('x:question');
  // Capitalised words after the first one: names of people, places and bills, which claims tend to mention.
  const capitals = text.match(/(?<=\S\s+)[A-Z][a-z]+/g)?.length ?? 0;
  features.add(capitals === 0 ? 'x:cap0' : capitals === 1 ? 'x:cap1' : 'x:cap2');
  return [...features];
}
