/**
 * The check-worthy sentences of a page: article body, sentences, scores, each claim with its DOM range.
 * The same code runs in the content script and in Node (`npm run claims -- --html PAGE.html`, the corpus test).
 * Readability itself is not imported here (it would weigh on every page's content script): `findClaims` in
 * find-page-claims.ts runs it where blocking does not matter, and the content script gets its blocks by message.
 */
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { insideBlocks, mapBlocksToLive } from '../article/map-blocks';
import { findArticleRoots, findJunk, isJunkBlock } from './article-body';
import { inBothWidths, warmUpCues } from './cues';
import { isFurniture } from './furniture';
import { CLAIM_THRESHOLD, quickModel, scoreSentence } from './score';
import { MAX_SENTENCE_CHARS, splitSentences } from './sentences';
import type { FoundClaim, Sentence, SentenceScore } from './types';

export interface FindClaimsOptions {
  /** Lowest score highlighted; CLAIM_THRESHOLD by default. 0 lists every sentence the finder considered. */
  threshold?: number;
  /** Skip CSS-hidden text; the content script turns it on (see `buildTextIndex`). */
  checkStyle?: boolean;
  /** The page language; `<html lang>` by default. */
  lang?: string;
  /**
   * Scores already worked out for some sentence texts (the content script's quick pass, when the refined pass reads
   * the same sentences in Readability's body): they are not scored again.
   */
  known?: ReadonlyMap<string, SentenceScore>;
  /** For `findClaimsInBlocks`: a current text index of the body, built with the same `checkStyle`. */
  bodyIndex?: TextIndex;
}

export interface LocatedClaim extends FoundClaim {
  range: Range;
  /** The root whose text index `start` and `end` refer to. */
  root: Element;
}

export interface PageClaims {
  roots: Element[];
  lang: string;
  /** Sentences considered (article text, long enough to be a claim). */
  sentences: number;
  claims: LocatedClaim[];
}

/** A sentence of the article body, ready to score. */
interface Candidate extends Sentence {
  root: Element;
  index: TextIndex;
}

/** Fewer words than this is a label, a byline or a heading fragment, not a claim. */
export const MIN_WORDS = 4;
/** Sentences scored between two yields of `findClaimsIncrementally`. */
const CHUNK = 50;
/** ...unless scoring them takes longer than this (ms); the rest of the slice goes to the page. */
const SLICE_MS = 20;

/**
 * `findClaims` in slices: scores a chunk of sentences, then awaits `yieldFn()` (a `setTimeout(0)` or
 * `scheduler.yield()` in the content script) so no task blocks the page for long.
 */
export async function findClaimsIncrementally(
  doc: Document,
  options: FindClaimsOptions,
  yieldFn: () => Promise<void>,
): Promise<PageClaims> {
  // The caller's task is often the script's injection (evaluating the bundle): compiling starts in a task of its own.
  await yieldFn();
  await warmUp(yieldFn);
  // A task of its own: measuring every element of a large page takes tens of milliseconds.
  await yieldFn();
  const roots = findArticleRoots(doc);
  const lang = options.lang ?? pageLanguage(doc);
  const candidates: Candidate[] = [];
  for (const root of roots) {
    await yieldFn();
    gather(candidates, root, lang, options.checkStyle);
  }
  await yieldFn();
  const claims: LocatedClaim[] = [];
  let sliceStart = now();
  for (let i = 0; i < candidates.length; i++) {
    addClaim(claims, candidates[i]!, lang, options);
    if ((i + 1) % CHUNK === 0 || now() - sliceStart > SLICE_MS) {
      await yieldFn();
      sliceStart = now();
    }
  }
  return { roots, lang, sentences: candidates.length, claims };
}

const WARM_UP_TEXT =
  'Officials said on Tuesday that U.S. unemployment fell to 3.9% in March. "It was expected," he said.';
let warmed: Promise<void> | undefined;

/**
 * The first use of the cue and furniture patterns, the sentence segmenter and the quick model compiles or loads them
 * (tens of milliseconds each, the patterns once per kind of string): done once per script in slices of its own, so
 * the finder's slices stay short.
 */
function warmUp(yieldFn: () => Promise<void>): Promise<void> {
  warmed ??= (async () => {
    await warmUpCues(yieldFn);
    quickModel();
    await yieldFn();
    for (const text of inBothWidths(WARM_UP_TEXT)) {
      for (const warm of [() => splitSentences(text, 'en'), () => isFurniture(text), () => scoreSentence(text)]) {
        warm();
        await yieldFn();
      }
    }
  })().catch((error: unknown) => {
    // The caller stopped between slices (its yield rejected): the next caller warms up again.
    warmed = undefined;
    throw error;
  });
  return warmed;
}

/** The page language as a BCP 47 tag, from `<html lang>` ('en' when absent). */
export function pageLanguage(doc: Document): string {
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || doc.documentElement?.getAttribute('xml:lang');
  return lang || 'en';
}

/** Candidates of the page by the in-page heuristic body (`findArticleRoots`), all at once. */
export function findClaimsByHeuristic(doc: Document, options: FindClaimsOptions = {}): PageClaims {
  const lang = options.lang ?? pageLanguage(doc);
  const roots = findArticleRoots(doc);
  const candidates: Candidate[] = [];
  for (const root of roots) gather(candidates, root, lang, options.checkStyle);
  return scoreAll(roots, lang, candidates, options);
}

/** The body as Readability's blocks mapped onto this document, or null when none of them maps to a kept block. */
function prepareFromBlocks(doc: Document, blocks: string[], options: FindClaimsOptions) {
  const lang = options.lang ?? pageLanguage(doc);
  const roots = mapBlocksToLive(doc, blocks, { checkStyle: options.checkStyle, bodyIndex: options.bodyIndex }).filter(
    (el) => !isJunkBlock(el),
  );
  if (!roots.length) return null;
  const accept = insideBlocks(blocks);
  const candidates: Candidate[] = [];
  for (const root of roots) gather(candidates, root, lang, options.checkStyle, accept);
  return { roots, lang, candidates };
}

/**
 * `findClaims` on an article body whose blocks Readability already found elsewhere (the content script gets them from
 * an extension page, which parsed the page's serialised HTML); null when the blocks no longer map onto the page.
 */
export function findClaimsInBlocks(
  doc: Document,
  blocks: string[],
  options: FindClaimsOptions = {},
): PageClaims | null {
  const prepared = prepareFromBlocks(doc, blocks, options);
  return prepared && scoreAll(prepared.roots, prepared.lang, prepared.candidates, options);
}

/** Appends the sentences of one root to `candidates`: a plain loop, as a spread of a huge list overflows the stack. */
function gather(
  candidates: Candidate[],
  root: Element,
  lang: string,
  checkStyle?: boolean,
  accept?: (line: string, sentence: string) => boolean,
): void {
  for (const candidate of sentencesOf(root, lang, checkStyle, accept)) candidates.push(candidate);
}

/** Scores every candidate at once (off the page's main thread, or a body already measured) into the page's claims. */
function scoreAll(roots: Element[], lang: string, candidates: Candidate[], options: FindClaimsOptions): PageClaims {
  const claims: LocatedClaim[] = [];
  for (const candidate of candidates) addClaim(claims, candidate, lang, options);
  return { roots, lang, sentences: candidates.length, claims };
}

/**
 * The sentences of one root long enough to be claims: junk elements, page furniture (bylines, credits, print lines)
 * and, when given, lines outside the extracted article (`accept`) left out.
 */
function sentencesOf(
  root: Element,
  lang: string,
  checkStyle?: boolean,
  accept?: (line: string, sentence: string) => boolean,
): Candidate[] {
  const index = buildTextIndex(root, { checkStyle });
  const junk = junkSpans(index, findJunk(root));
  const text = index.text;
  const candidates: Candidate[] = [];
  // The line of the current sentence, found once per line: a line of ten thousand sentences is read once, not each time.
  let lineStart = 0;
  let lineEnd = -1;
  let line = '';
  for (const sentence of splitSentences(text, lang)) {
    // A "sentence" longer than any real one is a table, a code dump or a hostile page: never a claim, never scored.
    if (sentence.text.length > MAX_SENTENCE_CHARS) continue;
    if (insideJunk(junk, sentence.start) || wordCount(sentence.text) < MIN_WORDS || isFurniture(sentence.text))
      continue;
    if (accept) {
      if (sentence.start > lineEnd) {
        lineStart = text.lastIndexOf('\n', sentence.start) + 1;
        lineEnd = text.indexOf('\n', sentence.end);
        if (lineEnd < 0) lineEnd = text.length;
        line = text.slice(lineStart, lineEnd);
      }
      if (!accept(line, sentence.text)) continue;
    }
    candidates.push({ ...sentence, root, index });
  }
  return candidates;
}

function addClaim(claims: LocatedClaim[], candidate: Candidate, lang: string, options: FindClaimsOptions) {
  const text = candidate.text.replace(/\s+/g, ' ');
  const { score, cues } = options.known?.get(text) ?? scoreSentence(text, { lang });
  if (score < (options.threshold ?? CLAIM_THRESHOLD)) return;
  const range = candidate.index.toRange(candidate.start, candidate.end);
  if (!range) return;
  claims.push({ start: candidate.start, end: candidate.end, text, score, cues, range, root: candidate.root });
}

/** Text offsets [start, end) of the junk elements, sorted (they never nest: `findJunk` returns outermost ones). */
function junkSpans(index: TextIndex, junk: Element[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const el of junk) {
    const parent = el.parentNode;
    if (!parent) continue;
    const start = index.offsetOf(el, 0);
    const end = index.offsetOf(parent, Array.prototype.indexOf.call(parent.childNodes, el) + 1);
    if (end > start) spans.push([start, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function insideJunk(spans: Array<[number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] <= offset;
}

/** Words as the finder counts them for `MIN_WORDS` ("no-cors" and "4.5" are one word). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)?.length ?? 0;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
