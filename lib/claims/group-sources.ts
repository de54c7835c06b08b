/**
 * Unnamed groups as sources ("critics say", "many researchers have argued"), found word by word. As regular
 * expressions, the alternations of a hundred nouns and a hundred verbs, case-insensitive and Unicode, took 30 to 50 ms
 * each to compile on a page's first sentence (the longest task of the finder's quick look); sets of words cost nothing
 * to build. The matching is the expressions' own: single whitespace between words, up to three (or two) connecting
 * words ("have long", "who", "privately") before the verb, the greediest reading first.
 */

/** Kinds of people and of documents that stand in for a source: "critics", "whale experts", "rights groups". */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'critics',
  'sources',
  'insiders',
  'observers',
  'analysts',
  'experts',
  'officials',
  'authorities',
  'scientists',
  'researchers',
  'economists',
  'historians',
  'scholars',
  'academics',
  'doctors',
  'physicians',
  'specialists',
  'advocates',
  'activists',
  'campaigners',
  'opponents',
  'proponents',
  'supporters',
  'detractors',
  'skeptics',
  'sceptics',
  'commentators',
  'pundits',
  'pollsters',
  'diplomats',
  'investigators',
  'prosecutors',
  'witnesses',
  'residents',
  'locals',
  'villagers',
  'elders',
  'lawmakers',
  'legislators',
  'politicians',
  'conservatives',
  'liberals',
  'progressives',
  'leftists',
  'environmentalists',
  'conservationists',
  'educators',
  'teachers',
  'parents',
  'families',
  'investors',
  'traders',
  'bankers',
  'executives',
  'employees',
  'workers',
  'advertisers',
  'groups',
  'agencies',
  'regulators',
  'strategists',
  'forecasters',
  'epidemiologists',
  'virologists',
  'aides',
  'allies',
  'rivals',
  'neighbours',
  'neighbors',
  'relatives',
  'shippers',
  'farmers',
  'fishermen',
  'users',
  'fans',
  'members',
  'voters',
  'citizens',
  'people',
  'everyone',
  'others',
  'many',
  'some',
  'most',
  'reports',
  'studies',
  'surveys',
  'polls',
  'research',
  'rumours',
  'rumors',
  'documents',
  'figures',
  'statistics',
  'records',
  'estimates',
  'police',
]);

/** Verbs of saying, believing and finding. "point out" and "pointed out" are the two-word ones. */
const GROUP_VERBS: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'saying',
  'claim',
  'claims',
  'claimed',
  'claiming',
  'believe',
  'believes',
  'believed',
  'think',
  'thinks',
  'thought',
  'argue',
  'argues',
  'argued',
  'arguing',
  'contend',
  'contends',
  'contended',
  'suggest',
  'suggests',
  'suggested',
  'warn',
  'warns',
  'warned',
  'warning',
  'fear',
  'fears',
  'feared',
  'worry',
  'worried',
  'concerned',
  'accuse',
  'accuses',
  'accused',
  'blame',
  'blames',
  'blamed',
  'regard',
  'regards',
  'regarded',
  'describe',
  'describes',
  'described',
  'consider',
  'considers',
  'considered',
  'estimate',
  'estimates',
  'estimated',
  'expect',
  'expects',
  'expected',
  'predict',
  'predicts',
  'predicted',
  'allege',
  'alleges',
  'alleged',
  'insist',
  'insists',
  'insisted',
  'maintain',
  'maintains',
  'maintained',
  'report',
  'reported',
  'reporting',
  'note',
  'noted',
  'agree',
  'agreed',
  'doubt',
  'doubted',
  'mock',
  'mocked',
  'tell',
  'tells',
  'told',
  'divulge',
  'divulged',
  'acknowledge',
  'acknowledged',
  'concede',
  'conceded',
  'charge',
  'charged',
  'complain',
  'complained',
  'question',
  'questioned',
  'dispute',
  'disputed',
  'deny',
  'denied',
  'admit',
  'admitted',
  'reckon',
  'reckoned',
  'speculate',
  'speculated',
  'assert',
  'asserted',
  'found',
  'show',
  'showed',
  'shown',
  'indicate',
  'indicates',
  'indicated',
  'dubbed',
  'confirm',
  'confirmed',
  'reveal',
  'revealed',
  'hint',
  'hinted',
  'recall',
  'recalled',
]);
const WITH_OUT: ReadonlySet<string> = new Set(['point', 'pointed']);

/** Words that may stand between the group and its verb: "have long", "are particularly", "who", "do not". */
const BETWEEN =
  /^(?:have|has|had|are|were|is|was|do|does|did|also|now|still|often|long|not|never|who|that|would|could|may|might|will|can|should|must|been|being|all|both|too|even|already|\p{L}+ly|don[’']t|doesn[’']t|didn[’']t|privately|publicly)$/iu;
/** Nationals and party members: "Tunisians worry", "many Americans believe". */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ans|ese|ists|ites|crats|icans)$/iu;
/** A group word at the end of a run of text: not inside a word, a possessive or a hyphenated compound. */
const GROUP_WORD = /(?<![\p{L}’'-])\p{L}+$/u;
const PLURAL = /^[\p{L}-]{3,}s$/iu;
const MODIFIER = /^[\p{L}-]+$/u;
const QUANTIFIED =
  /(?<!\bthe\s)\b(?:many|some|several|numerous|countless|a (?:number|lot|host|handful) of|a growing number of|an increasing number of)(?=\s)/giu;
const WORD_CHAR = /\w/;
const SPACE = /\s/;

export interface GroupMatch {
  index: number;
  end: number;
  /** The group word ("officials"), and what stood between it and the verb (" have long"), when asked for. */
  noun: string;
  between: string;
}

interface Word {
  start: number;
  end: number;
}

/** Up to `count` words after `from`, each after exactly one whitespace character, as the expressions read them. */
function wordsAfter(text: string, from: number, count: number): Word[] {
  const words: Word[] = [];
  let at = from;
  while (words.length < count && at < text.length && SPACE.test(text[at]!)) {
    const start = at + 1;
    let end = start;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    if (end === start) break;
    words.push({ start, end });
    at = end;
  }
  return words;
}

/** Where a verb of the list starting at this word ends (followed by a word boundary), or -1. */
function verbEnd(text: string, word: Word, next: Word | undefined): number {
  const letters = /^\p{L}+/u.exec(text.slice(word.start, word.end))?.[0];
  if (!letters) return -1;
  const end = word.start + letters.length;
  const lower = letters.toLowerCase();
  if (WITH_OUT.has(lower) && end === word.end && next && /^out(?!\w)/i.test(text.slice(next.start, next.end))) {
    return next.start + 3;
  }
  if (!GROUP_VERBS.has(lower)) return -1;
  return end < text.length && WORD_CHAR.test(text[end]!) ? -1 : end;
}

/** Connecting words then a verb, after `from`: the verb's end and the connecting words' text, or null. */
function verbAfter(text: string, from: number, maxBetween: number): { end: number; between: string } | null {
  const words = wordsAfter(text, from, maxBetween + 2);
  for (let k = Math.min(maxBetween, words.length - 1); k >= 0; k--) {
    if (!words.slice(0, k).every((w) => BETWEEN.test(text.slice(w.start, w.end)))) continue;
    const end = verbEnd(text, words[k]!, words[k + 1]);
    if (end >= 0) return { end, between: k ? text.slice(from, words[k - 1]!.end) : '' };
  }
  return null;
}

/** "officials said", "Tunisians worry", "experts have long argued": a group word, then a verb of saying. */
export function groupSources(text: string): GroupMatch[] {
  const found: GroupMatch[] = [];
  let at = 0;
  while (at < text.length) {
    // The end of the next run of non-space characters.
    let end = at;
    while (end < text.length && SPACE.test(text[end]!)) end++;
    const start = end;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    if (end === start) break;
    at = end;
    const noun = GROUP_WORD.exec(text.slice(start, end))?.[0];
    if (!noun || !(GROUP_NOUNS.has(noun.toLowerCase()) || DEMONYM.test(noun))) continue;
    const verb = verbAfter(text, end, 3);
    if (!verb) continue;
    found.push({ index: end - noun.length, end: verb.end, noun, between: verb.between });
    at = verb.end;
  }
  return found;
}

/** "many researchers say", "a number of local experts have argued": a quantified plural group, then a verb. */
export function quantifiedGroups(text: string): GroupMatch[] {
  const found: GroupMatch[] = [];
  let resumeAt = 0;
  for (const head of text.matchAll(QUANTIFIED)) {
    if (head.index < resumeAt) continue;
    const after = head.index + head[0].length;
    const words = wordsAfter(text, after, 2);
    // The expression's optional modifier is greedy: "many local experts" before "many experts".
    const readings = [
      words.length === 2 && MODIFIER.test(text.slice(words[0]!.start, words[0]!.end)) ? words[1] : undefined,
      words[0],
    ];
    for (const noun of readings) {
      if (!noun || !PLURAL.test(text.slice(noun.start, noun.end))) continue;
      const verb = verbAfter(text, noun.end, 2);
      if (!verb) continue;
      found.push({ index: head.index, end: verb.end, noun: text.slice(noun.start, noun.end), between: verb.between });
      resumeAt = verb.end;
      break;
    }
  }
  return found;
}
