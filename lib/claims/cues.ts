import { GROUP_NOUNS, groupSources, quantifiedGroups } from './group-sources';
import type { Cue } from './types';

/**
 * Reader-facing reasons for a highlight. Each cue is a small regex over the sentence; they double as features of the
 * check-worthiness model, so keep them precise rather than greedy.
 *
 * Every pattern runs in time linear in the sentence: a number token starts only where no digit, comma or point comes
 * before it (so "1.1.1.1..." is read once, not from every digit), repetitions are bounded, and quotes are scanned pair
 * by pair. Longer text than `MAX_CUE_CHARS` is read up to that length only.
 */

/** A sentence is read this far for cues: enough for any real sentence, bounded for a hostile one. */
export const MAX_CUE_CHARS = 2_000;

/** Exact counts. "several", "a few" are vague amounts, not figures. */
const COUNT_WORD =
  '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|dozens? of|hundreds? of|thousands? of|millions? of|billions? of)';
const NUMBER_WORD = `(?:one|${COUNT_WORD.slice(3)}`;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A number in digits, read from its first digit only. */
const NUM = '(?<![\\d,.])\\d[\\d,.]*';
const SEP = '[\\s-]{1,3}';

/** Pairs of quotes around at least two words. Scanned pair by pair: linear. */
const QUOTE_PAIRS = /"[^"]*"|“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]/g;

/** A figure that is not merely a year, a date, a time, an ordinal or a list number. */
const FIGURE = (
  [
    '[$€£¥]\\s?\\d',
    `${NUM}\\s?(?:%|percent\\b|per cent\\b|pct\\b|percentage points?\\b)`,
    `(?:${NUM}|\\b${NUMBER_WORD}|\\bseveral|\\ba few)(?:${SEP}${NUMBER_WORD}){0,3}${SEP}(?:percent|per cent|thousand|million|billion|trillion)\\b`,
    `${NUM}\\s?(?:bn|m|k|mn|tn)\\b`,
    `${NUM}\\s?(?:dollars?|euros?|pounds|yen|cents?)\\b`,
    `\\b(?:twice|(?:\\d+|${NUMBER_WORD}) times (?:as|more|less|higher|lower|bigger|larger|the)|doubled|tripled|quadrupled|halved|one in (?:\\d+|${NUMBER_WORD})|(?:one|a|two)[\\s-](?:half|third|quarter|fifth) of)\\b`,
    `${NUM}\\s?(?:km|kilomet(?:er|re)s?|miles?|kg|kilos?|tons?|tonnes?|acres|gallons?|barrels?|hectares|degrees|meters?|metres?|feet|pounds|mph|km/h)\\b`,
    // Counts in words ("asked five people", "two-thirds of voters"), not after "the" ("the two men" is no figure).
    `(?<!\\b(?:the|these|those|both|all|its|their|his|her|our|my|your) )\\b${COUNT_WORD}(?:${SEP}${NUMBER_WORD}){0,3}(?:[\\s-]{1,3}[\\p{L}-]+)?[\\s-]{1,3}(?:people|persons|men|women|children|[\\p{L}-]{2,}s)\\b`,
    // Ranges: "between 10 and 20", "from five to ten".
    `\\bbetween (?:${NUM}|${NUMBER_WORD}) and (?:${NUM}|${NUMBER_WORD})\\b`,
  ] as string[]
).map((source) => new RegExp(source, 'iu'));
/** Capitalised words before a number that open a count rather than name a thing ("About 300", "In 10 years"). */
const LEAD_WORD =
  /\b(?:About|Around|Over|Under|Nearly|Almost|Some|Roughly|Only|Just|At|By|To|From|Of|Than|Up|Down|In|On|For|With|After|Within|Another|Those|These|All|The|Its|Their|His|Her|Our|Approximately|Exactly|Fully|Barely|Less|More|Fewer|Every|Each|Between|And|Or|Among|Since|Until|Last|Next|Top|Least|Nearly|Already|Still|Even|Now|Then|Today|Yesterday|Once|Perhaps|Maybe|Another|We|They|He|She|It|I|You)\s$/;

/** Any number written in digits, read from its first digit. */
const DIGITS = /(?<![\d,.])\d[\d,.]*\d|(?<![\d,.])\d/g;
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const DATE_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`, 'i');
const DATE_AFTER = new RegExp(
  `^(?:st|nd|rd|th)?(?:\\s*(?:of\\s+)?${MONTH}\\b|:\\d|\\s*(?:a\\.?m\\.?|p\\.?m\\.?)(?!\\w)|\\s*o'clock|(?:st|nd|rd|th)\\b)`,
  'i',
);
/** "No. 1", "Article 5", "Building 24", "Flight 370": labels, not quantities. */
const LABEL_BEFORE =
  /\b(?:no|nos|number|article|section|page|pages|chapter|amendment|title|route|room|grade|level|phase|round|game|week|day|building|flight|floor|gate|platform|terminal|apartment|apt|suite|unit|highway|interstate|bus|line|model|version|series|episode|season|part|volume|vol|issue|stage|tier|category|class|type|pier|district|ward|precinct|lot|block|exit|track|channel|code|rule|clause|paragraph|item|figure|fig|table|step|question|station|studio|lane|road|street|avenue|hall|wing|door|seat|row|box|pole|hole|lap|match|race|heat|stage|act|scene|verse|psalm|proposition|prop|measure|bill|resolution|case|docket|world war|ww|windows|ios|android|iphone|ipad|galaxy|pixel|playstation|xbox|covid|boeing|airbus)\.?\s*#?$/i;

/** Quantifiers that make any group vague: "many researchers", "a number of experts". */
const QUANTIFIER =
  /^(?:many|some|most|several|numerous|countless|various|other|few|number|lot|host|handful|lots|plenty|growing|increasing)$/i;
/** Nouns that name an institution's people: "Con Edison officials" are named, "officials" alone are not. */
const INSTITUTIONAL =
  /^(?:officials|authorities|executives|employees|police|investigators|prosecutors|researchers|scientists|analysts|economists|experts|officers|sources|documents|figures|statistics|records|estimates|reports|studies|surveys|polls|members|aides|diplomats|regulators|strategists)$/i;
/** Groups that stay unnamed whoever they belong to: "Mr Mugabe's critics", "his opponents". */
const ALWAYS_VAGUE = /^(?:critics|opponents|detractors|sceptics|skeptics)$/i;
/** Words that end a noun phrase when reading backwards from the group. */
const FUNCTION_WORD =
  /^(?:and|or|but|nor|yet|so|that|which|who|whom|while|as|because|though|although|if|when|where|of|in|on|at|to|for|with|from|by|about|than|like|into|over|after|before|since|during|among|between|said|says|told|is|are|was|were|has|have|had|be|been|it|he|she|they|we|i|you|there)$/i;

const VAGUE_PHRASES = (
  [
    `\\b(?:many|some|others|few) (?:who|that) (?:say|think|believe|claim|argue|feel|fear|worry)\\b`,
    '\\bthere (?:are|have been|were|is|was|has been) (?:\\w+ )?(?:reports|claims|rumou?rs|suggestions|speculation|allegations|indications)\\b',
    "\\bthere[’']?s (?:\\w+ )?(?:reports|claims|rumou?rs|suggestions|speculation)\\b",
    "\\bthere (?:is|was|has long been|[’']s) (?:an? )?(?:old |common |widespread |popular |long-standing |growing )?(?:argument|belief|view|perception|consensus|speculation|rumou?r|suggestion|assumption|notion) that\\b",
    '\\breportedly\\b',
    '\\bsupposedly\\b',
    '\\breputed(?:ly)?\\b',
    '\\bpurported(?:ly)?\\b',
    "\\bit (?:is|was|has been|had been|[’']s) (?:widely |commonly |generally |also |now |often |long |well )?(?:believed|said|reported|claimed|thought|alleged|rumou?red|understood|suggested|estimated|known|accepted|agreed|acknowledged|recogni[sz]ed|feared|expected|assumed|argued|held) that\\b",
    '\\bit (?:is|was|has been|had been) (?:widely |commonly |generally |also )?(?:believed|said|reported|claimed|thought|alleged|rumou?red|understood|suggested|estimated)\\b',
    '\\b(?:is|are|was|were|has been|have been|had been)\\s(?:[\\p{L}-]+\\s)?(?:said|rumou?red|believed|thought|suspected|alleged|reported|claimed|considered|described|seen|regarded|viewed|estimated|accused|dubbed|hailed|touted|billed|credited|blamed|deemed|perceived|tipped) (?:to|as|of|by (?:many|some|most|critics|others|experts|observers|analysts))\\b',
    '\\b(?:widely|generally|largely|commonly|often|increasingly) (?:seen|regarded|viewed|considered|believed|thought|reported|held|described)\\b',
    '\\bseen (?:by (?:many|some|most|critics|others)|as)\\b',
    '\\bas (?:has been|was|is) (?:\\w+ )?(?:pointed out|noted|reported|said|claimed|suggested|argued)\\b',
    '\\baccording to (?:(?:some|many|several|local|news|media|press|unconfirmed|recent|initial|early|preliminary|published|multiple|other|established|popular|conventional|common|unnamed|anonymous)\\s){0,3}(?:reports|sources|estimates|experts|analysts|officials|critics|observers|witnesses|residents|people|insiders|media|accounts|rumou?rs|narratives?|wisdom|legend|lore|some|many|others|those|one|a source|an official)\\b',
    '\\b(?:unnamed|anonymous|unidentified) (?:\\w+ )?(?:sources?|officials?|people|persons?|insiders?|employees?|staff)\\b',
    '\\b(?:sources|people|persons?|someone|one|a person|an official|an insider) (?:close to|familiar with|with knowledge of|briefed on|who (?:asked|spoke|declined|requested|was not authori[sz]ed|were not authori[sz]ed))\\b',
    '\\b(?:on|under) (?:the )?condition of anonymity\\b',
    '\\b(?:asked|requested|declined) not to be (?:named|identified)\\b',
    "\\b(?:a|an|one|another)\\s(?:[\\p{L}-]+\\s){0,2}?(?:source|insider|official|diplomat|analyst|expert|observer|aide|agent|executive|witness|resident|scientist|researcher|economist|banker|lawyer|employee|staffer|adviser|advisor|officer|person|insider)\\s(?:[\\p{L},’'-]+\\s){0,4}?(?:said|says|told|tells|claimed|claims|added|explained|confirmed|noted|warned|insisted)\\b",
    '\\bthe (?:[\\p{L}-]+\\s){0,2}?sources?(?:,|\\s(?:said|says|told|tells|added|could|would|did|who|close|familiar)\\b)',
    '\\b(?:a|an|one|another) (?:(?:recent|new|latest|separate|private|internal|leaked|unpublished|january|february|march|april|may|june|july|august|september|october|november|december|national|global|online|informal)\\s){0,2}(?:poll|survey|study|report|analysis|review|assessment|investigation|estimate)s?\\b(?!\\s(?:by|from|of|for) \\p{Lu})',
    '\\b(?:percent|per cent|%|half|third|quarter|majority|most|many|two-thirds|three-quarters) (?:of (?:(?:the|those|all)\\s)?(?:[\\p{L}-]+\\s){0,2})?(?:polled|surveyed|questioned|interviewed|asked)\\b',
    '\\b(?:from|by|among) (?:many |some |several |other |leading |top |independent |outside )?(?:experts|scientists|analysts|critics|observers|researchers|economists|sources|insiders|commentators)\\b',
    '\\ban estimated\\b',
    '\\b(?:reported|rumou?red|alleged|purported|supposed) (?:budget|cost|price|figure|sum|fee|salary|deal|value|number|death toll|toll|loss|losses|plan|plans|offer|bid)\\b',
    "(?<!['’]s |\\b(?:his|her|its|their|our|my) )\\b(?:allegations|accusations|rumou?rs) (?:that|of)\\b",
    '\\brumou?r has it\\b',
    '\\bword is\\b',
    '\\bstudies (?:have )?(?:show|shown|suggest|found|indicate)\\b',
    '\\bresearch (?:has )?(?:shows?|shown|suggests?|found|indicates?)\\b',
  ] as string[]
).map((source) => new RegExp(source, 'giu'));

const ATTRIBUTION =
  /\b(?:said|says|told|tells|claims?|claimed|claiming|stated|states that|according to|argued|argues|alleged|alleges|announced|announces|accused|accuses|reported|reports that|insisted|insists|admitted|admits|denied|denies|testified|tweeted|wrote|writes|declared|declares|asserted|asserts|warned|warns|noted|notes that|explained|explains|acknowledged|confirmed|confirms|revealed|reveals|quoted)\b/i;

const COMPARISON = new RegExp(
  [
    '\\b(?:more|less|fewer|greater|higher|lower|bigger|smaller|larger|better|worse|faster|slower|cheaper|older|younger|richer|poorer|stronger|weaker|longer|shorter|\\w{3,}er) than\\b',
    '\\b(?:fewer|lesser)\\b',
    '\\bcompared (?:to|with)\\b',
    '\\b(?:as (?:many|much|high|low|large|big|few|little) as)\\b',
    '\\b(?:twice|half) as\\b',
    '\\bthe (?:most|least|best|worst|first|last|only) (?!of\\b|time\\b|thing\\b|one\\b|two\\b|week|night|day|year|month|question|word)\\w+',
    '\\b(?:highest|lowest|largest|biggest|smallest|greatest|fastest|slowest|richest|poorest|strongest|weakest|longest|shortest|cheapest|deepest|oldest|youngest|worst|best)\\b',
    '\\brecord (?:high|low|levels?|numbers?)\\b',
    '\\bthan (?:ever|any|at any)\\b',
  ].join('|'),
  'i',
);

/**
 * Cause and effect. Not thanks ("Special thanks are due to...", "many thanks to") and not schedules ("is due to
 * begin on Monday").
 */
const CAUSAL = new RegExp(
  [
    "\\b(?:because|led to|leads? to|leading to|as a result|result(?:ed|s|ing)? in|caus(?:ed|es|ing)|cause of|therefore|consequently|owing to|that's why|that is why|which is why|which means|responsible for|contribut(?:ed|es|ing) to|in order to)\\b",
    '(?<!\\b(?:thanks|gratitude|credit|respect|apologies|acknowledg\\w*|tribute)\\s(?:\\w+\\s)?)\\bdue to\\b(?!\\s(?:be|begin|start|open|close|end|finish|arrive|leave|return|meet|vote|expire|take|launch|hold|give|make|appear|speak|testify|face|receive|retire|report|publish|deliver|announce|come|go|run|visit|travel|sign|debut|air|premiere|resume|reopen|rule|decide|conclude|hear|stand|play|host|attend)\\b)',
    '(?<!\\b(?:special|many|big|huge|sincere|warm|heartfelt|grateful|our|my|also|and|with|a|extra)\\s)\\bthanks to\\b(?!\\s(?:all|everyone|everybody|you|our|my|the (?:team|staff|readers|organi[sz]ers|volunteers))\\b)',
  ].join('|'),
  'i',
);

function hasQuote(text: string): boolean {
  for (const match of text.matchAll(QUOTE_PAIRS)) if (/\S\s+\S/.test(match[0])) return true;
  return false;
}

function hasFigure(text: string): boolean {
  if (FIGURE.some((pattern) => pattern.test(text))) return true;
  for (const match of text.matchAll(DIGITS)) {
    const digits = match[0];
    const at = match.index;
    const before = text.slice(Math.max(0, at - 24), at);
    const after = text.slice(at + digits.length, at + digits.length + 14);
    if (YEAR.test(digits) && !/^\s*(?:%|percent|people|jobs|dollars|\w*illion)/i.test(after)) continue;
    if (DATE_BEFORE.test(before) || DATE_AFTER.test(after) || /\d:$/.test(before)) continue;
    if (LABEL_BEFORE.test(before)) continue;
    // Model names and codes: "LGP-30", "F-35", "COVID-19", "4K", "5G", "A4".
    if (
      /[\p{L}][-‐]?$/u.test(before) ||
      (/^[\p{L}]/u.test(after) && !/^(?:k|m|bn|mn|tn|s|st|nd|rd|th|km|kg|mph|x)\b/i.test(after))
    )
      continue;
    // "24/7", "9/11", "3-2": fractions, dates and scores.
    if (/^[/]\d/.test(after) || /\d[/]$/.test(before)) continue;
    // A capitalised name before the number ("Apollo 11", "Super Bowl 50"), unless it opens the sentence.
    if (/(?:^|[^.!?]\s)\p{Lu}[\p{L}]*\s$/u.test(before) && !LEAD_WORD.test(before)) continue;
    // "1" and "0" alone are rarely quantities ("1 of the"), a bare digit otherwise is a small count.
    if (digits === '1' || digits === '0') continue;
    return true;
  }
  return false;
}

/** Text offsets of vague attributions: unnamed or vague sources. */
function vagueSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // One pattern per phrase: a single alternation of them all took 250 ms to compile on first use.
  for (const group of quantifiedGroups(text)) {
    if (namedAfter(text, group.end, text.slice(group.index, group.end))) continue;
    spans.push([group.index, group.end]);
  }
  for (const pattern of VAGUE_PHRASES) {
    for (const match of text.matchAll(pattern)) {
      if (namedAfter(text, match.index + match[0].length, match[0])) continue;
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  for (const group of groupSources(text)) {
    if (isVagueGroup(text, group.index, group.noun, group.between)) spans.push([group.index, group.end]);
  }
  return spans;
}

/** A passive or a study credited right after to a name: "described as X by the conservation department". */
function namedAfter(text: string, end: number, phrase: string): boolean {
  const after = text.slice(end, end + 100);
  if (/\b(?:poll|survey|study|report|analysis|review|assessment|investigation|estimate)s?$/i.test(phrase)) {
    return /^[^.;]{0,80}?\b(?:by|from|for) (?:the )?\p{Lu}/u.test(after) || /^\s(?:of|at) (?:the )?\p{Lu}/u.test(after);
  }
  // A passive with its agent: "described as heartbreaking by the conservation department" names who said it.
  if (
    /\b(?:described|regarded|seen|considered|viewed|hailed|dubbed|blamed|accused|credited|believed|thought|said|reported|claimed|suspected|alleged) (?:to|as|of)$/i.test(
      phrase,
    )
  ) {
    return /^[^.;]{0,80}?\bby (?!(?:many|some|most|critics|others|experts|observers|analysts|people|sources)\b)[\p{L}]/u.test(
      after,
    );
  }
  return false;
}

/**
 * Whether "officials said" at `at` is an unnamed group: not someone's ("the company's officials", "the authors"),
 * not a named institution's ("Con Edison officials", "U.S. officials", "..., Pentagon officials said").
 */
function isVagueGroup(text: string, at: number, noun: string, between: string): boolean {
  if (/^\p{Lu}/u.test(noun) && at > 0 && !/^(?:[A-Z][a-z]+(?:ans|ese|ists|ites|crats|icans))$/.test(noun)) {
    // "Reports", "Critics" open a sentence; mid-sentence a capitalised group is a name ("Friends of the Earth say").
    if (!/[.!?:"“(]\s*$/.test(text.slice(Math.max(0, at - 3), at))) return false;
  }
  if (/\p{Lu}/u.test(between) || /\bbeen$/i.test(between)) return false;
  if (/^(?:these|those)$/i.test(noun)) return false;
  const lower = noun.toLowerCase();
  // Outside the list only a capitalised national or party group counts ("Tunisians"), not "plans" or "means".
  if (!GROUP_NOUNS.has(noun.toLowerCase()) && !/^\p{Lu}/u.test(noun)) return false;
  const institutional = INSTITUTIONAL.test(lower);
  // The noun phrase before the group, read backwards: "many" / "the" / "Con Edison" / "his".
  const start = Math.max(0, at - 60);
  const before = text.slice(start, at).split(/\s+/).filter(Boolean);
  for (let i = before.length - 1, n = 0; i >= 0 && n < 5; i--, n++) {
    const raw = before[i]!;
    const word = raw.replace(/^[“"‘'(]+/, '');
    if (/[,;:!?)”"]$/.test(raw) || (/\.$/.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(word))) break;
    const bare = word.toLowerCase();
    if (QUANTIFIER.test(bare)) continue;
    // "half of Republicans said", "a study of voters found": the group is not the source there.
    if (bare === 'of') return false;
    if (FUNCTION_WORD.test(bare)) break;
    if (/^(?:the|these|those|this|that|his|her|its|their|our|my|your)$/.test(bare) || /['’]s?$/.test(word)) {
      return ALWAYS_VAGUE.test(lower) || lower === 'sources';
    }
    if (/^\p{Lu}/u.test(word) && institutional) {
      const opens = i === 0 ? start === 0 : /[.!?:"“]$/.test(before[i - 1]!);
      // A named body before an institution's people: "Con Edison officials", "U.S. officials", "Pentagon sources".
      if (!opens || /\./.test(word) || /^\p{Lu}{2,}/u.test(word) || n > 0) return false;
    }
  }
  return true;
}

/** The cues of a sentence, read up to `maxChars` (tests lift the cap to check that every pattern is linear). */
export function detectCues(sentence: string, maxChars = MAX_CUE_CHARS): Cue[] {
  const text = sentence.length > maxChars ? sentence.slice(0, maxChars) : sentence;
  const cues: Cue[] = [];
  if (hasQuote(text)) cues.push('quote');
  if (hasFigure(text)) cues.push('figure');
  // Named attribution is looked for outside the vague phrases, so "critics say" does not also count as "says".
  const vague = vagueSpans(text);
  let withoutVague = text;
  for (const [start, end] of vague) {
    withoutVague = withoutVague.slice(0, start) + ' '.repeat(end - start) + withoutVague.slice(end);
  }
  if (ATTRIBUTION.test(withoutVague)) cues.push('attribution');
  if (vague.length) cues.push('vague-attribution');
  if (COMPARISON.test(text)) cues.push('comparison');
  if (CAUSAL.test(text)) cues.push('causal');
  return cues;
}

/** Cues that do not depend on English words: usable on a page in any language. */
export function detectNeutralCues(sentence: string): Cue[] {
  const text = sentence.length > MAX_CUE_CHARS ? sentence.slice(0, MAX_CUE_CHARS) : sentence;
  const cues: Cue[] = [];
  if (hasQuote(text)) cues.push('quote');
  if (/[$€£¥]\s?\d|\d\s?(?:%|‰)|\d[\d.,\s]*\d\s?(?:[$€£¥]|EUR|USD)/.test(text) || hasLargeNumber(text))
    cues.push('figure');
  return cues;
}

function hasLargeNumber(text: string): boolean {
  for (const match of text.matchAll(/(?<![\d,.])\d(?:[\d,.]|\s(?=\d))*\d|(?<![\d,.])\d/g)) {
    const digits = match[0].replace(/\s/g, '');
    if (YEAR.test(digits) || digits.length < 2) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 4);
    if (/^(?::|h\d|\s*h\b)/i.test(after)) continue;
    if (/[,.]\d|\d{3}/.test(digits)) return true;
  }
  return false;
}

/**
 * Every pattern above, for `warmUpCues`. V8 compiles a regular expression on its first use, and the large
 * case-insensitive Unicode ones here take tens of milliseconds each to compile: on first use inside one finder slice
 * they made an 85 ms task on every page.
 */
const PATTERNS: RegExp[] = [
  QUOTE_PAIRS,
  ...FIGURE,
  LEAD_WORD,
  DIGITS,
  YEAR,
  DATE_BEFORE,
  DATE_AFTER,
  LABEL_BEFORE,
  QUANTIFIER,
  INSTITUTIONAL,
  ALWAYS_VAGUE,
  FUNCTION_WORD,
  ...VAGUE_PHRASES,
  ATTRIBUTION,
  COMPARISON,
  CAUSAL,
];

/** A sentence that takes every pattern past its first character, so each one is compiled. */
const WARM_UP_TEXT =
  'Officials said 12 of the 300 experts, about 3.9% in March 2024, are reportedly "more than twice" as many.';

/** Sentences that walk the checks' other branches, whose smaller patterns compile on their first use too. */
const WARM_UP_SENTENCES = [
  WARM_UP_TEXT,
  'Con Edison officials said the F-35 cost $42,000 on 24/7 duty in Building 24, described as costly by the Pentagon.',
  '"It is believed," many researchers say, that critics have long argued a study of 500 people found it led to losses.',
];

/**
 * `text` (Latin-1 only) and a copy of it that is not. V8 compiles a pattern once for strings of one-byte characters
 * and once more for the others, and a page's sentences come in both (a curly quote or a dash makes the second kind):
 * warmed with one kind only, the first sentence of the other kind compiled every pattern again, 40-70 ms in one call.
 */
export const inBothWidths = (text: string): [string, string] => [text, `${text} \u2014`];

let warmed: Promise<void> | undefined;

/** Compiles the cue patterns one per task (`yieldFn` between them), once per script, so no later slice pays for it. */
export function warmUpCues(yieldFn: () => Promise<void>): Promise<void> {
  // A caller may stop between slices (its yield rejects): the next caller then finishes the job.
  warmed ??= compileAll(yieldFn).catch((error: unknown) => {
    warmed = undefined;
    throw error;
  });
  return warmed;
}

/** Compiling stops for the page once a slice has taken this long (ms); one more pattern takes up to ~10 ms. */
const WARM_SLICE_MS = 8;

async function compileAll(yieldFn: () => Promise<void>): Promise<void> {
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let sliceStart = now();
  const pause = async () => {
    if (now() - sliceStart < WARM_SLICE_MS) return;
    await yieldFn();
    sliceStart = now();
  };
  for (const pattern of PATTERNS) {
    for (const text of inBothWidths(WARM_UP_TEXT)) {
      pattern.lastIndex = 0;
      pattern.test(text);
      pattern.lastIndex = 0;
      await pause();
    }
  }
  for (const sentence of WARM_UP_SENTENCES) {
    for (const text of inBothWidths(sentence)) {
      detectCues(text);
      await pause();
    }
  }
}
