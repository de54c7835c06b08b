/**
 * Finds a quote in a text again, after the page may have changed around it or inside it.
 *
 * Follows the Hypothesis client's `match-quote.ts` (exact matches first, then approximate ones from
 * approx-string-match, candidates scored on quote 50, prefix 20, suffix 20, position 2) with one difference of
 * intent: Hypothesis returns its best guess however weak, Claimlens returns null unless the candidate is backed by
 * evidence beyond its own text, because a claim attached to the wrong sentence is worse than a claim reported lost.
 * All strings here are folded (see `normalize.ts`); offsets are offsets of the index text.
 */
import approxSearch from 'approx-string-match';
import { prefixScore, suffixScore } from './context-score';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote started when it was described (the TextPositionSelector's `start`). */
  hint?: number;
  /** The unfolded prefix and suffix, where block boundaries still read as line breaks. */
  rawPrefix?: string;
  rawSuffix?: string;
}

export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  /** Weighted score in [0, 1]. */
  score: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * A context side "agrees" when at most 3 of its 32 characters differ. Looser thresholds (a quarter of the side)
 * let near-copies pass for the quote: captions, headings and teasers that restate a sentence of the article share
 * most of its context.
 */
export const CONTEXT_AGREES = 0.9;
/** Quotes shorter than this are too common to be trusted on their text alone. */
const MIN_CONTEXT_FREE_LENGTH = 24;
/**
 * How far (in characters) a candidate may start from the stored position and still count as "in place": the
 * evidence an edited quote needs when only one side of its context is left, and a low-information quote always.
 */
export const NEAR_POSITION = 16;
/** A quote with fewer distinct words and fewer distinct letters than these is low-information (`lowInformation`). */
const MIN_DISTINCT_WORDS = 3;
const MIN_DISTINCT_LETTERS = 8;
/** Exact candidates scored before giving up on a very common quote ("the"). */
const MAX_EXACT_CANDIDATES = 2000;
/** Context anchors followed per side when looking for an edited quote. */
const MAX_CONTEXT_ANCHORS = 32;
/** Characters of context used to find where an edited quote should be. */
const ANCHOR_LENGTH = 12;

/**
 * Edits tolerated in a quote. Pinned between a prefix and a suffix that both still agree, a quarter of its length
 * (a reworded clause in place). With one side only, a few characters plus one in 25: enough for corrected typos,
 * not enough for the same sentence reworded in a teaser or a related-story box elsewhere on the page.
 */
export const errorBudget = (length: number, bothSides: boolean) =>
  bothSides ? Math.min(96, Math.floor(length / 4)) : Math.min(Math.floor(length / 5), 3 + Math.floor(length / 25));

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * How one side of the context compares at a candidate:
 * - `verbatim`: unchanged; `close`: within `CONTEXT_AGREES`;
 * - `block`: the page changed only beyond the block that holds the quote (a paragraph inserted or removed next to
 *   it): the part of the context inside that block is still there verbatim and still ends at a block edge;
 * - `none`: the text next to the candidate, in its own block, is not the text that was next to the quote.
 */
type Agreement = 'verbatim' | 'close' | 'block' | 'none';

interface Scored extends QuoteMatch {
  prefix: Agreement;
  suffix: Agreement;
  /** Sides (0-2) whose context still agrees: `verbatim`, `close`, or `block` with some context left in the block. */
  sides: number;
  /** Distance from the stored position; 0 when none was stored. */
  moved: number;
}

function agreement(editScore: number | null, inner: string | null, near: string, edge: boolean): Agreement {
  // No context was stored on this side (the quote began or ended the text): nothing to agree or disagree with.
  if (editScore === null) return 'block';
  if (editScore === 1) return 'verbatim';
  if (editScore >= CONTEXT_AGREES) return 'close';
  return inner !== null && near === inner && edge ? 'block' : 'none';
}

function score(text: string, raw: string, quote: string, ctx: QuoteContext, c: Candidate): Scored {
  const p = prefixScore(text, c.start, ctx.prefix);
  const s = suffixScore(text, c.end, ctx.suffix);
  const position = ctx.hint === undefined ? 0.5 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / (text.length || 1));
  const rawScore = WEIGHTS.quote * (1 - c.errors / quote.length) + WEIGHTS.prefix * (p ?? 0.5)
    + WEIGHTS.suffix * (s ?? 0.5) + WEIGHTS.position * position;
  const innerPrefix = innerPart(ctx.rawPrefix, ctx.prefix, 'prefix');
  const innerSuffix = innerPart(ctx.rawSuffix, ctx.suffix, 'suffix');
  const beforeInner = c.start - (innerPrefix ?? '').length;
  const afterInner = c.end + (innerSuffix ?? '').length;
  const prefixEdge = innerPrefix !== null && (beforeInner <= 0 || raw[beforeInner - 1] === '\n');
  const suffixEdge = innerSuffix !== null && (afterInner >= raw.length || raw[afterInner] === '\n');
  const prefix = agreement(p, innerPrefix, text.slice(beforeInner, c.start), prefixEdge);
  const suffix = agreement(s, innerSuffix, text.slice(c.end, afterInner), suffixEdge);
  const agrees = (a: Agreement, inner: string | null) => a === 'verbatim' || a === 'close' || (a === 'block' && !!inner);
  const sides = Number(agrees(prefix, innerPrefix)) + Number(agrees(suffix, innerSuffix));
  return {
    ...c,
    score: (rawScore + 5 * sides) / (MAX_SCORE + 10),
    prefix,
    suffix,
    sides,
    moved: ctx.hint === undefined ? 0 : Math.abs(c.start - ctx.hint),
  };
}

/**
 * The part of a (folded) context between the quote and the nearest block break of the raw context, or null when
 * the raw context holds no block break (or was not given).
 */
function innerPart(raw: string | undefined, folded: string, side: 'prefix' | 'suffix'): string | null {
  if (raw === undefined) return null;
  if (side === 'prefix') {
    const at = raw.lastIndexOf('\n');
    return at === -1 ? (raw === '' ? '' : null) : folded.slice(at + 1);
  }
  const at = raw.indexOf('\n');
  return at === -1 ? (raw === '' ? '' : null) : folded.slice(0, at);
}

/**
 * Few distinct words and few distinct letters: "] ... ] ... ]" or "] list: [ ] list:" say little about where they
 * belong, and repetitive text (code, lists, tables) gives every occurrence look-alike context too.
 */
function lowInformation(quote: string): boolean {
  const lower = quote.toLowerCase();
  const words = new Set(lower.match(/[\p{L}\p{N}]+/gu) ?? []).size;
  const letters = new Set(lower.match(/\p{L}/gu) ?? []).size;
  return words < MIN_DISTINCT_WORDS && letters < MIN_DISTINCT_LETTERS;
}

/**
 * Whether a candidate is good enough to show a claim on. See the module comment.
 *
 * No side of the context may contradict the candidate: a side either still agrees, or the page changed only beyond
 * the quote's block there. Text next to the candidate *inside its own block* that is not the stored context means a
 * different passage that happens to share some words (a heading restated in the article, a teaser, a caption).
 * Beyond that, the evidence demanded grows as the candidate's own text says less: an exact match needs one agreeing
 * side, an edited one both (or one and the stored position), a low-information quote both and the position.
 */
function acceptable(m: Scored, quote: Quote): boolean {
  if (m.prefix === 'none' || m.suffix === 'none') return false;
  const inPlace = quote.hasHint && m.moved <= NEAR_POSITION;
  if (quote.lowInformation) return m.errors === 0 && m.sides === 2 && inPlace;
  if (m.errors === 0) {
    if (m.sides > 0) return true;
    // Both sides changed beyond the quote's block, as when a one-paragraph claim gets new neighbours. Its text
    // alone identifies it only if it is long and unique on the page.
    return quote.exactCount === 1 && quote.length >= MIN_CONTEXT_FREE_LENGTH;
  }
  if (m.sides === 2) return m.errors <= errorBudget(quote.length, true);
  return m.sides === 1 && inPlace && m.errors <= errorBudget(quote.length, false);
}

/** What `acceptable` needs to know about the quote itself, computed once per search. */
interface Quote {
  length: number;
  exactCount: number;
  hasHint: boolean;
  lowInformation: boolean;
}

const describeQuote = (quote: string, ctx: QuoteContext, exactCount: number): Quote =>
  ({ length: quote.length, exactCount, hasHint: ctx.hint !== undefined, lowInformation: lowInformation(quote) });

function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_EXACT_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Windows where an edited quote should be: after its prefix, before its suffix, and at its old position. */
function fuzzyWindows(text: string, quote: string, ctx: QuoteContext, slack: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const span = quote.length + slack;
  const head = ctx.prefix.slice(-ANCHOR_LENGTH);
  const tail = ctx.suffix.slice(0, ANCHOR_LENGTH);
  if (head.trim()) {
    let n = 0;
    for (let at = text.indexOf(head); at !== -1 && n < MAX_CONTEXT_ANCHORS; at = text.indexOf(head, at + 1), n++) {
      windows.push([at + head.length - slack, at + head.length + span]);
    }
  }
  if (tail.trim()) {
    let n = 0;
    for (let at = text.indexOf(tail); at !== -1 && n < MAX_CONTEXT_ANCHORS; at = text.indexOf(tail, at + 1), n++) {
      windows.push([at - span, at + slack]);
    }
  }
  if (ctx.hint !== undefined) windows.push([ctx.hint - slack, ctx.hint + span]);
  return windows;
}

function fuzzyCandidates(text: string, quote: string, ctx: QuoteContext): Candidate[] {
  const maxErrors = errorBudget(quote.length, true);
  if (maxErrors === 0) return [];
  const seen = new Set<string>();
  const found: Candidate[] = [];
  const add = (c: Candidate) => {
    const key = `${c.start}:${c.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(c);
    }
  };
  for (const [from, to] of fuzzyWindows(text, quote, ctx, maxErrors + 2)) {
    const start = Math.max(0, from);
    const window = text.slice(start, Math.min(text.length, to));
    for (const m of approxSearch(window, quote, maxErrors)) add({ start: start + m.start, end: start + m.end, errors: m.errors });
  }
  return found;
}

/**
 * approx-string-match may end a match a character early or late when the edit touches its edge (a substitution
 * costs the same as a deletion plus an insertion there); prefer the nearby boundaries where the context fits exactly.
 */
function snap(text: string, ctx: QuoteContext, m: Candidate): Candidate {
  const head = ctx.prefix.slice(-8);
  const tail = ctx.suffix.slice(0, 8);
  let { start, end } = m;
  if (head && text.slice(start - head.length, start) !== head) {
    for (const d of [1, -1, 2, -2, 3, -3]) {
      if (text.slice(start + d - head.length, start + d) === head) { start += d; break; }
    }
  }
  if (tail && text.slice(end, end + tail.length) !== tail) {
    for (const d of [1, -1, 2, -2, 3, -3]) {
      if (text.slice(end + d, end + d + tail.length) === tail) { end += d; break; }
    }
  }
  return start < end ? { start, end, errors: m.errors } : m;
}

/**
 * The best acceptable match of `quote` in `text`, or null. `text`, `quote` and the context are folded; `raw` is the
 * unfolded text, where block boundaries still read as line breaks.
 */
export function matchQuote(text: string, quote: string, ctx: QuoteContext, raw = text): QuoteMatch | null {
  if (!quote.trim()) return null;
  const exact = exactCandidates(text, quote);
  let best: Scored | null = null;
  const about = describeQuote(quote, ctx, exact.length);
  for (const c of exact) {
    const m = score(text, raw, quote, ctx, c);
    if ((!best || m.score > best.score) && acceptable(m, about)) best = m;
  }
  // Exact and backed by both sides of its context: nothing an approximate match could do better.
  if (best && best.sides === 2) return strip(best);
  for (const c of fuzzyCandidates(text, quote, ctx)) {
    if (c.errors === 0) continue;
    const m = score(text, raw, quote, ctx, snap(text, ctx, c));
    if ((!best || m.score > best.score) && acceptable(m, about)) best = m;
  }
  return best && strip(best);
}

/** The exact occurrence of `quote` at `start` when its context still backs it there, else null. */
export function matchAt(text: string, quote: string, ctx: QuoteContext, start: number, raw = text): QuoteMatch | null {
  if (!text.startsWith(quote, start)) return null;
  const m = score(text, raw, quote, ctx, { start, end: start + quote.length, errors: 0 });
  // Not known to be unique here: a quote with no context left goes through `matchQuote`, which counts.
  return acceptable(m, describeQuote(quote, ctx, 2)) ? strip(m) : null;
}

const strip = ({ start, end, errors, score: s }: Scored): QuoteMatch => ({ start, end, errors, score: s });
