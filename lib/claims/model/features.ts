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
  /** Add topic-free word-class and speech-act features (`k:`), see LEXICON below. */
  lexicon?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, prefix: 0, charGrams: 0, pronouns: false, names: 0 };

const words = (list: string) => new RegExp(`\\b(?:${list.trim().split(/\s*\|\s*/).join('|')})\\b`, 'i');

/**
 * Classes of words and phrases that mark claims (or chatter) in any debate, whoever the candidates and whatever the
 * topic of the year: the model can lean on them instead of on the names and issues of the debates it was trained on.
 */
const LEXICON: Array<[string, RegExp]> = [
  ['econ', words(`tax|taxes|taxed|budget|budgets|deficits?|debt|spending|spend|spent|economy|economic|jobs?|unemployment|wages?|income|incomes|inflation|trade|tariffs?|costs?|prices?|growth|gdp|revenues?|surplus|recession|manufacturing|insurance|medicare|medicaid|social security|pensions?|salary|salaries|poverty|payroll|interest rates?|stock market|investment|businesses`)],
  ['policy', words(`law|laws|bill|bills|act|legislation|programs?|plan|plans|polic(?:y|ies)|regulations?|voted?|votes|voting|vetoe?d?|signed|passed|congress|senate|house|administration|supreme court|amendment|treaty|agreements?|deal|funding|funded|cuts|mandate|reform`)],
  ['security', words(`military|troops|war|wars|nuclear|weapons|missiles?|defense|army|navy|terrorists?|terrorism|isis|soldiers|attacks?|killed|invaded?|sanctions|intelligence|veterans`)],
  ['social', words(`crime|police|immigration|immigrants|border|illegal|illegally|health|healthcare|health care|education|schools?|students|teachers|abortion|guns?|drugs?|energy|oil|climate|environment|pollution|prison|murders?|welfare|hospitals?|doctors|coverage`)],
  ['change', words(`increased?|increases|increasing|decreased?|decreasing|rose|risen|rising|fell|fallen|falling|grew|grown|growing|doubled|tripled|cut|raised?|lowered|reduced|reducing|dropped|declined?|declining|created|creating|lost|losing|added|expanded|eliminated|went up|went down|gone up|gone down|skyrocketed|soared|plummeted`)],
  ['pastfact', words(`was|were|did|had|has been|have been|voted|passed|signed|said|went|made|gave|took|became|started|opposed|supported|called for|proposed|promised|wrote|came out`)],
  ['quantity', words(`percent|per cent|million|millions|billion|billions|trillion|thousand|thousands|hundreds|half|majority|number of|rate|rates|average|most|every single|all of the|none of|nobody|everybody|no one|only`)],
  ['timeanchor', words(`last year|this year|years ago|since|ago|in the last|over the last|for the first time|today|now|currently|in \\d{4}|during|history|ever`)],
  ['negation', words(`never|not|no|didn't|hasn't|haven't|wasn't|weren't|doesn't|don't|isn't|aren't|won't|can't|nothing`)],
  ['opinion', words(`i think|i believe|i feel|i hope|i'm sure|i am sure|in my opinion|i don't think|i guess|i suppose|frankly|obviously|i know|i mean|you know`)],
  ['intent', words(`i will|i'll|i'm going to|i am going to|we will|we'll|we're going to|we are going to|we need to|we must|we have to|we've got to|we should|i want to|i would|let's|let me|i'd like|i intend|i promise|i plan`)],
  ['thanks', words(`thank|thanks|good evening|good night|good morning|welcome|congratulations?|pleasure|honou?red|appreciate|grateful|applause|laughter`)],
  ['moderator', words(`question|questions|minutes?|seconds|rebuttal|respond|response|next|turn to|ladies and gentlemen|audience|moderator|debate|tonight|your time|go ahead|ask you|answer`)],
  ['modal', words(`would|could|might|may|should|maybe|perhaps|probably|hopefully|if`)],
  ['evaluative', words(`great|terrible|disaster|disastrous|wonderful|tremendous|horrible|bad|wrong|ridiculous|incredible|sad|amazing|beautiful|nice|best|worst|fantastic|stupid|weak|strong|proud|important|believe me|very`)],
  ['youattack', words(`you said|you voted|you did|you were|you have been|you supported|you opposed|your plan|you want|your record`)],
];

/** Speech-act features of the whole sentence: how it starts and ends, and whether it is a fragment. */
function shapeFeatures(text: string, tokens: string[], features: Set<string>): void {
  const trimmed = text.trim().replace(/^["“]+|["”]+$/g, '').trim();
  if (/(?:\.\.\.|…|--|—|-)\s*$/.test(trimmed)) features.add('k:trailing');
  if (/^(?:\.\.\.|…|--|—)/.test(trimmed)) features.add('k:leading');
  if (/^(?:well|look|now|so|and|but|oh|ok(?:ay)?|yes|no|excuse me|wait|sorry)\b/i.test(trimmed)) features.add('k:discourse-start');
  if (/\?/.test(trimmed) && !/\?\s*$/.test(trimmed)) features.add('k:inner-question');
  if (/!\s*$/.test(trimmed)) features.add('k:exclaim');
  if (tokens.length <= 3) features.add('k:fragment');
  let numbers = 0;
  for (const token of tokens) if (token === '<num>' || token === '<digit>' || token === '<cur>') numbers += 1;
  if (numbers >= 2) features.add('k:numbers2');
  if (/\b(?:I|I'm|I've|I'd|I'll|me|my)\b/.test(trimmed)) features.add('k:first-person');
  if (/\b(?:you|your|you're|you've)\b/i.test(trimmed)) features.add('k:second-person');
  if (/\b(?:we|our|us|we're|we've)\b/i.test(trimmed)) features.add('k:we');
}

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
  if (options.lexicon) {
    for (const [name, pattern] of LEXICON) if (pattern.test(text)) features.add('k:' + name);
    shapeFeatures(text, tokens, features);
  }
  // Capitalised words after the first one: names of people, places and bills, which claims tend to mention.
  const capitals = text.match(/(?<=\S\s+)[A-Z][a-z]+/g)?.length ?? 0;
  features.add(capitals === 0 ? 'x:cap0' : capitals === 1 ? 'x:cap1' : 'x:cap2');
  return [...features];
}
