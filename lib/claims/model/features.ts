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

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  bigrams: true,
  prefix: 0,
  charGrams: 0,
  pronouns: false,
  names: 0,
};

/**
 * Classes of words and phrases that mark claims (or chatter) in any debate, whoever the candidates and whatever the
 * topic of the year: the model can lean on them instead of on the names and issues of the debates it was trained on.
 * Entries are lower-case words or phrases of up to three words; `<year>` stands for a four-digit year.
 */
const LEXICON: Record<string, string> = {
  econ: `tax taxes taxed budget budgets deficit deficits debt spending spend spent economy economic job jobs
    unemployment wage wages income incomes inflation trade tariff tariffs cost costs price prices growth gdp revenue
    revenues surplus recession manufacturing insurance medicare medicaid social_security pension pensions salary
    salaries poverty payroll interest_rate interest_rates stock_market investment businesses`,
  policy: `law laws bill bills act legislation program programs plan plans policy policies regulation regulations vote
    voted votes voting veto vetoed signed passed congress senate house administration supreme_court amendment treaty
    agreement agreements deal funding funded cuts mandate reform`,
  security: `military troops war wars nuclear weapons missile missiles defense army navy terrorist terrorists terrorism
    isis soldiers attack attacks killed invade invaded sanctions intelligence veterans`,
  social: `crime police immigration immigrants border illegal illegally health healthcare health_care education school
    schools students teachers abortion gun guns drug drugs energy oil climate environment pollution prison murder
    murders welfare hospital hospitals doctors coverage`,
  change: `increase increased increases increasing decrease decreased decreasing rose risen rising fell fallen falling
    grew grown growing doubled tripled cut raise raised lowered reduced reducing dropped decline declined declining
    created creating lost losing added expanded eliminated went_up went_down gone_up gone_down skyrocketed soared
    plummeted`,
  pastfact: `was were did had has_been have_been voted passed signed said went made gave took became started opposed
    supported called_for proposed promised wrote came_out`,
  quantity: `percent per_cent million millions billion billions trillion thousand thousands hundreds half majority
    number_of rate rates average most every_single all_of_the none_of nobody everybody no_one only`,
  timeanchor: `last_year this_year years_ago since ago in_the_last over_the_last for_the_first_time today now currently
    in_<year> during history ever`,
  negation: `never not no didn't hasn't haven't wasn't weren't doesn't don't isn't aren't won't can't nothing`,
  opinion: `i_think i_believe i_feel i_hope i'm_sure i_am_sure in_my_opinion i_don't_think i_guess i_suppose frankly
    obviously i_know i_mean you_know`,
  intent: `i_will i'll i'm_going_to i_am_going we_will we'll we're_going_to we_are_going we_need_to we_must we_have_to
    we've_got_to we_should i_want_to i_would let's let_me i'd_like i_intend i_promise i_plan`,
  thanks: `thank thanks good_evening good_night good_morning welcome congratulation congratulations pleasure honored
    honoured appreciate grateful applause laughter`,
  moderator: `question questions minute minutes seconds rebuttal respond response next turn_to ladies_and_gentlemen
    audience moderator debate tonight your_time go_ahead ask_you answer`,
  modal: `would could might may should maybe perhaps probably hopefully if`,
  evaluative: `great terrible disaster disastrous wonderful tremendous horrible bad wrong ridiculous incredible sad
    amazing beautiful nice best worst fantastic stupid weak strong proud important believe_me very`,
  youattack: `you_said you_voted you_did you_were you_have_been you_supported you_opposed your_plan you_want your_record`,
};

/** Phrase (words joined by spaces) to the word classes it belongs to. */
const PHRASES = new Map<string, string[]>();
/** First words of the phrases of two or three words: only these start a longer look-up. */
const PHRASE_STARTS = new Set<string>();
for (const [name, list] of Object.entries(LEXICON)) {
  for (const entry of list.trim().split(/\s+/)) {
    const phrase = entry.replace(/_/g, ' ');
    PHRASES.set(phrase, [...(PHRASES.get(phrase) ?? []), name]);
    if (entry.includes('_')) PHRASE_STARTS.add(phrase.slice(0, phrase.indexOf(' ')));
  }
}
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my']);
const SECOND_PERSON = new Set(['you', 'your', "you're", "you've"]);
const WE = new Set(['we', 'our', 'us', "we're", "we've"]);
const DISCOURSE_STARTS = new Set([
  'well',
  'look',
  'now',
  'so',
  'and',
  'but',
  'oh',
  'ok',
  'okay',
  'yes',
  'no',
  'wait',
  'sorry',
]);

/** Adds `k:<class>` for every word class with a word or phrase (up to three words) in the sentence. */
function lexiconFeatures(words: string[], features: Set<string>): void {
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i]!;
    const longest = PHRASE_STARTS.has(phrase) ? 3 : 1;
    for (let n = 0; n < longest && i + n < words.length; n++) {
      if (n > 0) phrase += ' ' + words[i + n];
      const classes = PHRASES.get(phrase);
      if (classes) for (const name of classes) features.add('k:' + name);
    }
  }
}

/** Speech-act features of the whole sentence: how it starts and ends, and whether it is a fragment. */
function shapeFeatures(text: string, tokens: string[], plain: string[], features: Set<string>): void {
  const trimmed = text.replace(/^[\s"“]+|[\s"”]+$/g, '');
  if (trimmed.endsWith('-') || trimmed.endsWith('...') || trimmed.endsWith('…') || trimmed.endsWith('—'))
    features.add('k:trailing');
  if (trimmed.startsWith('--') || trimmed.startsWith('...') || trimmed.startsWith('…') || trimmed.startsWith('—'))
    features.add('k:leading');
  if (DISCOURSE_STARTS.has(plain[0] ?? '') || (plain[0] === 'excuse' && plain[1] === 'me'))
    features.add('k:discourse-start');
  const question = trimmed.indexOf('?');
  if (question >= 0 && question < trimmed.length - 1 && !/\?\s*$/.test(trimmed)) features.add('k:inner-question');
  if (trimmed.endsWith('!')) features.add('k:exclaim');
  if (tokens.length <= 3) features.add('k:fragment');
  let numbers = 0;
  for (const token of tokens) if (token === '<num>' || token === '<digit>' || token === '<cur>') numbers += 1;
  if (numbers >= 2) features.add('k:numbers2');
  for (const word of plain) {
    if (FIRST_PERSON.has(word)) features.add('k:first-person');
    else if (SECOND_PERSON.has(word)) features.add('k:second-person');
    else if (WE.has(word)) features.add('k:we');
  }
}

const TOKEN = /[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d|[$€£%?]/gi;
const PRONOUNS: Record<string, string | undefined> = {
  he: '<he>',
  she: '<he>',
  him: '<him>',
  her: '<him>',
  his: '<his>',
  hers: '<his>',
  himself: '<himself>',
  herself: '<himself>',
  "he's": "<he>'s",
  "she's": "<he>'s",
  "he'd": "<he>'d",
  "she'd": "<he>'d",
  "he'll": "<he>'ll",
  "she'll": "<he>'ll",
};
const YEAR = /^(?:1[6-9]|20)\d\d$/;

/** `plain`, when given, receives every token lower-cased and unfolded (years as `<year>`), for the word classes. */
export function tokenize(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS, plain?: string[]): string[] {
  const tokens: string[] = [];
  const source = text.replace(/[’‘`]/g, "'");
  // Lower-casing once is measurably faster than per token; the source is kept to spot capitalised names.
  const lower = source.toLowerCase();
  const pattern = new RegExp(TOKEN);
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(lower))) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (plain) plain.push(first >= 48 && first <= 57 && YEAR.test(token) ? '<year>' : token);
    if (first >= 48 && first <= 57) tokens.push(YEAR.test(token) ? '<year>' : token.length > 1 ? '<num>' : '<digit>');
    else if (first === 36 || token === '€' || token === '£') tokens.push('<cur>');
    else if (options.pronouns && PRONOUNS[token]) tokens.push(PRONOUNS[token]);
    else if (
      options.names &&
      tokens.length > 0 &&
      isCapital(source.charCodeAt(match.index)) &&
      token !== 'i' &&
      !token.startsWith("i'")
    ) {
      if (options.names === 2) tokens.push(token);
      tokens.push('<name>');
    } else tokens.push(token);
  }
  return tokens;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
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
  const plain: string[] | undefined = options.lexicon ? [] : undefined;
  const tokens = tokenize(text, options, plain);
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
    lexiconFeatures(plain!, features);
    shapeFeatures(text, tokens, plain!, features);
  }
  // Capitalised words after the first one: names of people, places and bills, which claims tend to mention.
  const capitals = text.match(/(?<=\S\s+)[A-Z][a-z]+/g)?.length ?? 0;
  features.add(capitals === 0 ? 'x:cap0' : capitals === 1 ? 'x:cap1' : 'x:cap2');
  return [...features];
}
