import type { Cue } from './types';

/**
 * Reader-facing reasons for a highlight. Each cue is a small regex over the sentence; they double as features of the
 * check-worthiness model, so keep them precise rather than greedy.
 */

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|several|a few|dozens? of|hundreds? of|thousands? of|millions? of|billions? of)';
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const QUOTE = /"[^"]*\S\s+\S[^"]*"|“[^“”]*\S\s+\S[^“”]*”|«[^«»]*\S\s+\S[^«»]*»|„[^„“”]*\S\s+\S[^„“”]*[“”]/;

/** A figure that is not merely a year, a date, a time, an ordinal or a list number. */
const FIGURE = new RegExp(
  [
    '[$€£¥]\\s?\\d',
    '\\d[\\d,.]*\\s?(?:%|percent\\b|per cent\\b|pct\\b)',
    `\\b(?:\\d[\\d,.]*|${NUMBER_WORD})(?:[\\s-]+${NUMBER_WORD})*[\\s-]+(?:percent|per cent|thousand|million|billion|trillion)\\b`,
    '\\b\\d[\\d,.]*\\s?(?:bn|m|k|mn|tn)\\b',
    '\\b\\d[\\d,.]*\\s?(?:dollars?|euros?|pounds|yen|cents?)\\b',
    `\\b(?:twice|(?:\\d+|two|three|four|five|ten|${NUMBER_WORD}) times (?:as|more|less|higher|lower|bigger|larger|the)|doubled|tripled|quadrupled|halved|one in (?:\\d+|${NUMBER_WORD})|(?:one|a|two)[\\s-](?:half|third|quarter|fifth) of)\\b`,
    `\\b\\d[\\d,.]*\\s?(?:km|kilomet(?:er|re)s?|miles?|kg|kilos?|tons?|tonnes?|acres|gallons?|barrels?|hectares|degrees|meters?|metres?|feet|pounds)\\b`,
    `\\b${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})* (?:people|jobs|workers|americans|children|families|soldiers|troops|deaths|cases|votes|countries|states|years|percent|dollars)\\b`,
  ].join('|'),
  'i',
);

/** Any number written in digits. Checked separately so years, dates and times can be excluded. */
const DIGITS = /\d[\d,.]*\d|\d/g;
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const DATE_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`, 'i');
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:\\s*(?:of\\s+)?${MONTH}\\b|:\\d|\\s*(?:a\\.?m\\.?|p\\.?m\\.?)(?!\\w)|(?:st|nd|rd|th)\\b)`, 'i');

const VAGUE_ATTRIBUTION = new RegExp(
  [
    '\\breports? (?:indicat|suggest|say|said|show|claim|point|emerg)\\w*',
    '\\bthere (?:are|have been|were) (?:\\w+ )?reports\\b',
    '\\breportedly\\b',
    '\\ballegedly\\b',
    '\\bsupposedly\\b',
    '\\bit (?:is|was|has been|had been) (?:widely |commonly |generally )?(?:believed|said|reported|claimed|thought|alleged|rumou?red|understood|suggested|estimated)\\b',
    '\\b(?:critics|sources|insiders|observers|analysts|experts|officials|some|many|others|people|scientists|studies|research|rumou?rs) (?:have |had |are |were )?(?:say|says|said|saying|claim|claims|claimed|claiming|believe|believed|warn|warned|warning|suggest|suggests|suggested|argue|argued|arguing|contend|charge|fear|show|shows|showed|indicate|indicates)\\b',
    '\\b(?:a lot of|many|some) people (?:are )?(?:say|saying|think|believe)',
    '\\baccording to (?:some|reports|sources|critics|insiders|experts|rumou?rs|many|people familiar)\\b',
    '\\b(?:unnamed|anonymous|unidentified) (?:sources?|officials?)\\b',
    '\\bsources (?:close to|familiar with)\\b',
    '\\brumou?r has it\\b',
    '\\bword is\\b',
  ].join('|'),
  'gi',
);

const ATTRIBUTION = /\b(?:said|says|told|tells|claims?|claimed|claiming|stated|states that|according to|argued|argues|alleged|alleges|announced|announces|accused|accuses|reported|reports that|insisted|insists|admitted|admits|denied|denies|testified|tweeted|wrote|writes|declared|declares|asserted|asserts|warned|warns|noted|notes that|explained|explains|acknowledged|confirmed|confirms|revealed|reveals|quoted)\b/i;

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

const CAUSAL = /\b(?:because|led to|leads? to|leading to|due to|as a result|result(?:ed|s|ing)? in|caus(?:ed|es|ing)|cause of|therefore|consequently|thanks to|owing to|that's why|that is why|which is why|which means|responsible for|contribut(?:ed|es|ing) to|in order to)\b/i;

function hasFigure(text: string): boolean {
  if (FIGURE.test(text)) return true;
  for (const match of text.matchAll(DIGITS)) {
    const digits = match[0];
    const at = match.index;
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + digits.length, at + digits.length + 14);
    if (YEAR.test(digits) && !/^\s*(?:%|percent|people|jobs|dollars|\w*illion)/i.test(after)) continue;
    if (DATE_BEFORE.test(before) || DATE_AFTER.test(after) || /\d:$/.test(before)) continue;
    // "No. 1", "Article 5", "page 3", "Section 2": labels, not quantities.
    if (/\b(?:no|number|article|section|page|chapter|amendment|title|route|room|grade|level|phase|round|game|week|day)\.?\s*$/i.test(before)) continue;
    // A bare single digit ("3 children") is a small count; still a figure, but "1" alone usually is not.
    if (digits === '1' || digits === '0') continue;
    return true;
  }
  return false;
}

export function detectCues(text: string): Cue[] {
  const cues: Cue[] = [];
  if (QUOTE.test(text)) cues.push('quote');
  if (hasFigure(text)) cues.push('figure');
  // Named attribution is looked for outside the vague phrases, so "critics say" does not also count as "says".
  const withoutVague = text.replace(VAGUE_ATTRIBUTION, (match) => ' '.repeat(match.length));
  if (ATTRIBUTION.test(withoutVague)) cues.push('attribution');
  if (withoutVague !== text) cues.push('vague-attribution');
  if (COMPARISON.test(text)) cues.push('comparison');
  if (CAUSAL.test(text)) cues.push('causal');
  return cues;
}

/** Cues that do not depend on English words: usable on a page in any language. */
export function detectNeutralCues(text: string): Cue[] {
  const cues: Cue[] = [];
  if (QUOTE.test(text)) cues.push('quote');
  if (/[$€£¥]\s?\d|\d\s?(?:%|‰)|\d[\d.,\s]*\d\s?(?:[$€£¥]|EUR|USD)/.test(text) || hasLargeNumber(text)) cues.push('figure');
  return cues;
}

function hasLargeNumber(text: string): boolean {
  for (const match of text.matchAll(/\d[\d,.\s]*\d|\d/g)) {
    const digits = match[0].replace(/\s/g, '');
    if (YEAR.test(digits) || digits.length < 2) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 4);
    if (/^(?::|h\d|\s*h\b)/i.test(after)) continue;
    if (/[,.]\d|\d{3}/.test(digits)) return true;
  }
  return false;
}
