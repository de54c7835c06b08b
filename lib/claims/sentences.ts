/**
 * Sentences of page text, by exact offsets into it.
 *
 * `Intl.Segmenter` knows the language's rules but not news prose: it breaks after "Mr." and "U.S." when a capital
 * follows, between initials ("J. K. Rowling"), before a lowercase word after "?" ("Why?" he asked), leaves a French
 * closing guillemet on the next sentence, and splits a quotation of several sentences from its "X said". Those breaks
 * are repaired here. Lines never join: a heading or a caption without a full stop is a sentence of its own.
 */
import type { Sentence } from './types';

/** Longer than any real sentence: the claim finder neither scores nor highlights such a span. */
export const MAX_SENTENCE_CHARS = 1_500;

/** Abbreviations that always precede a name or number. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'atty',
  'st',
  'mt',
  'ft',
  'fr',
  'mme',
  'mlle',
  'mgr',
  'no',
  'nos',
  'vol',
  'fig',
  'pp',
  'ca',
  'approx',
  'vs',
  'v',
  'cf',
  'e.g',
  'i.e',
  'viz',
  'al',
]);
/** Abbreviations that usually continue the sentence but may end one ("He moved to the U.S. Then ..."). */
const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'bros',
  'dept',
  'univ',
  'assn',
  'ave',
  'blvd',
  'rd',
  'est',
  'etc',
  'a.m',
  'p.m',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
]);
/** Words that open sentences far more often than they follow "U.S." or "Inc." inside one. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'but',
  'and',
  'so',
  'yet',
  'or',
  'in',
  'on',
  'at',
  'for',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'as',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'however',
  'meanwhile',
  'still',
  'now',
  'then',
  'also',
  'what',
  'why',
  'how',
  'who',
  'where',
  'some',
  'many',
  'most',
  'all',
  'no',
  'not',
  'one',
  'both',
  'each',
  'instead',
  'last',
  'earlier',
  'later',
  'today',
  'yesterday',
  'according',
  'despite',
  'although',
  'though',
  'because',
  'even',
  'with',
  'by',
]);

const CLOSING = /^[\s\u00a0]*[”’»)\]]+/;
/** Characters of each side of a break that decide whether it is one: the last word before, the first word after. */
const TAIL = 80;
/** A quotation of up to this many segments, with its attribution, reads as one claim. */
const MAX_QUOTE_SEGMENTS = 4;
const MAX_QUOTE_LENGTH = 600;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale || 'en';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' }); // a page's lang attribute can be anything
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

export function splitSentences(text: string, locale?: string): Sentence[] {
  const segmenter = segmenterFor(locale);
  const sentences: Sentence[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart) {
      for (const [start, end] of splitLine(text, lineStart, lineEnd, segmenter)) {
        const sentence = trimmed(text, start, end);
        if (sentence) sentences.push(sentence);
      }
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}

function splitLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  segmenter: Intl.Segmenter,
): Array<[number, number]> {
  const line = text.slice(lineStart, lineEnd);
  const spans: Array<[number, number]> = [];
  for (const { index, segment } of segmenter.segment(line)) spans.push([index, index + segment.length]);

  const merged: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const previous = merged[merged.length - 1];
    if (previous) {
      // Closing quotes and brackets belong to the sentence they close.
      const closing = CLOSING.exec(line.slice(span[0], Math.min(span[1], span[0] + TAIL)));
      if (closing) {
        previous[1] = span[0] + closing[0].length;
        span[0] = previous[1];
        if (!line.slice(span[0], span[1]).trim()) continue;
      }
      // Only the end of the sentence so far decides (its last word): slicing all of it would make a run of merges
      // ("U.S. U.S. U.S. ...") quadratic.
      const before = line.slice(Math.max(previous[0], previous[1] - TAIL), previous[1]);
      const after = line.slice(span[0], Math.min(span[1], span[0] + TAIL));
      if (continuesSentence(before, after)) {
        previous[1] = span[1];
        continue;
      }
    }
    merged.push([span[0], span[1]]);
  }
  return joinQuotations(line, merged).map(([start, end]) => [lineStart + start, lineStart + end]);
}

/** Whether the segmenter's break between `before` and `after` falls inside one sentence. */
function continuesSentence(before: string, after: string): boolean {
  const head = after.trimStart().replace(/^[“‘«„"'([]+/, '');
  if (/^\p{Ll}/u.test(head)) return true;
  const tail = before.trimEnd();
  if (!tail.endsWith('.')) return false;
  const match = /(?:^|[\s(“‘«"'])((?:\p{L}\.)*\p{L}+)\.$/u.exec(tail);
  if (!match) return false;
  const word = match[1]!;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  const nextWord = /^[\p{L}\p{N}]+/u.exec(head)?.[0] ?? '';
  if (/^\p{N}/u.test(nextWord)) return ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word);
  const starts = SENTENCE_STARTERS.has(nextWord.toLowerCase()) || !nextWord;
  // Initials ("J. K. Rowling"), dotted acronyms ("U.S. Senate") and common abbreviations.
  if (/^\p{Lu}$/u.test(word) || word.includes('.') || ABBREVIATIONS.has(lower)) return !starts;
  return false;
}

/** Joins the sentences of one quotation with its attribution: “A. B,” she said. */
function joinQuotations(line: string, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i++) {
    const span: [number, number] = [spans[i]![0], spans[i]![1]];
    if (quoteBalance(line.slice(span[0], span[1])) > 0) {
      for (let j = i + 1; j < spans.length && j - i < MAX_QUOTE_SEGMENTS; j++) {
        if (spans[j]![1] - span[0] > MAX_QUOTE_LENGTH) break;
        if (quoteBalance(line.slice(span[0], spans[j]![1])) <= 0) {
          span[1] = spans[j]![1];
          i = j;
          break;
        }
      }
    }
    out.push(span);
  }
  return out;
}

/** Open quotations left at the end of `text`: curly and guillemet pairs, or an odd count of straight quotes. */
function quoteBalance(text: string): number {
  let curly = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '“' || ch === '«') curly++;
    else if (ch === '”' || ch === '»') curly--;
    else if (ch === '"') straight++;
  }
  return Math.max(curly, 0) + (straight % 2);
}

function trimmed(text: string, start: number, end: number): Sentence | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}
