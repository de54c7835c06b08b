/**
 * The check-worthy sentences of a page: article body, sentences, scores, each claim with its DOM range.
 * The same code runs in the content script and in Node (`npm run claims -- --html PAGE.html`, the corpus test).
 */
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { extractArticleBlocks } from '../article/extract-blocks';
import { insideBlocks, mapBlocksToLive } from '../article/map-blocks';
import { findArticleRoots, findJunk, isJunkBlock } from './article-body';
import { isFurniture } from './furniture';
import { CLAIM_THRESHOLD, scoreSentence } from './score';
import { splitSentences } from './sentences';
import type { FoundClaim, Sentence } from './types';

export interface FindClaimsOptions {
  /** Lowest score highlighted; CLAIM_THRESHOLD by default. 0 lists every sentence the finder considered. */
  threshold?: number;
  /** Skip CSS-hidden text; the content script turns it on (see `buildTextIndex`). */
  checkStyle?: boolean;
  /** The page language; `<html lang>` by default. */
  lang?: string;
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

export function findClaims(doc: Document, options: FindClaimsOptions = {}): PageClaims {
  const { roots, lang, candidates } = prepare(doc, options);
  const claims: LocatedClaim[] = [];
  for (const candidate of candidates) addClaim(claims, candidate, lang, options.threshold ?? CLAIM_THRESHOLD);
  return { roots, lang, sentences: candidates.length, claims };
}

/**
 * `findClaims` in slices: scores a chunk of sentences, then awaits `yieldFn()` (a `setTimeout(0)` or
 * `scheduler.yield()` in the content script) so no task blocks the page for long.
 */
export async function findClaimsIncrementally(
  doc: Document,
  options: FindClaimsOptions,
  yieldFn: () => Promise<void>,
): Promise<PageClaims> {
  const roots = findArticleRoots(doc);
  const lang = options.lang ?? pageLanguage(doc);
  const candidates: Candidate[] = [];
  for (const root of roots) {
    await yieldFn();
    // A plain loop: a spread of a huge list overflows the call stack.
    for (const candidate of sentencesOf(root, lang, options.checkStyle)) candidates.push(candidate);
  }
  await yieldFn();
  const claims: LocatedClaim[] = [];
  let sliceStart = now();
  for (let i = 0; i < candidates.length; i++) {
    addClaim(claims, candidates[i]!, lang, options.threshold ?? CLAIM_THRESHOLD);
    if ((i + 1) % CHUNK === 0 || now() - sliceStart > SLICE_MS) {
      await yieldFn();
      sliceStart = now();
    }
  }
  return { roots, lang, sentences: candidates.length, claims };
}

/** The page language as a BCP 47 tag, from `<html lang>` ('en' when absent). */
export function pageLanguage(doc: Document): string {
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || doc.documentElement?.getAttribute('xml:lang');
  return lang || 'en';
}

/**
 * Roots and sentences of the whole page at once. Off the page's main thread (Node: the CLI, the corpus test; an
 * extension page), so Readability may take its time: where it finds an article, its blocks mapped back onto this
 * document are the body; elsewhere the in-page heuristic decides.
 */
function prepare(doc: Document, options: FindClaimsOptions) {
  const lang = options.lang ?? pageLanguage(doc);
  const blocks = extractArticleBlocks(doc, doc.URL);
  const mapped = blocks ? mapBlocksToLive(doc, blocks, { checkStyle: options.checkStyle }) : [];
  const kept = mapped.filter((el) => !isJunkBlock(el));
  const roots = kept.length ? kept : findArticleRoots(doc);
  const accept = kept.length && blocks ? insideBlocks(blocks) : undefined;
  const candidates: Candidate[] = [];
  for (const root of roots) {
    for (const candidate of sentencesOf(root, lang, options.checkStyle, accept)) candidates.push(candidate);
  }
  return { roots, lang, candidates };
}

/**
 * The sentences of one root long enough to be claims: junk elements, page furniture (bylines, credits, print lines)
 * and, when given, lines outside the extracted article (`accept`) left out.
 */
function sentencesOf(
  root: Element, lang: string, checkStyle?: boolean, accept?: (line: string, sentence: string) => boolean,
): Candidate[] {
  const index = buildTextIndex(root, { checkStyle });
  const junk = junkSpans(index, findJunk(root));
  const text = index.text;
  const candidates: Candidate[] = [];
  for (const sentence of splitSentences(text, lang)) {
    if (insideJunk(junk, sentence.start) || wordCount(sentence.text) < MIN_WORDS || isFurniture(sentence.text)) continue;
    if (accept) {
      const lineStart = text.lastIndexOf('\n', sentence.start) + 1;
      const lineEnd = text.indexOf('\n', sentence.end);
      if (!accept(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd), sentence.text)) continue;
    }
    candidates.push({ ...sentence, root, index });
  }
  return candidates;
}

function addClaim(claims: LocatedClaim[], candidate: Candidate, lang: string, threshold: number) {
  const text = candidate.text.replace(/\s+/g, ' ');
  const { score, cues } = scoreSentence(text, { lang });
  if (score < threshold) return;
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
