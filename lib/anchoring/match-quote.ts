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

/** A context side "agrees" when at most a quarter of its characters differ (8 of 32). */
export const CONTEXT_AGREES = 0.75;
/**
 * When the quote occurs more than once, its occurrences are told apart by their context alone, and repetitive text
 * (code, lists, tables) has look-alike context everywhere: demand 3 edits in 32 at most.
 */
const STRICT_CONTEXT_AGREES = 0.9;
/** Quotes shorter than this are too common to be trusted on their text alone. */
const MIN_CONTEXT_FREE_LENGTH = 24;
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

interface Scored extends QuoteMatch {
  prefix: number | null;
  suffix: number | null;
  /** Sides (0-2) whose context still agrees. */
  sides: number;
  /** Sides where the quote filled up to a block edge then and does now, with no context left to compare. */
  edges: number;
}

/**
 * Whether one side of the context agrees: within the edit allowance, or, when the page changed beyond the block
 * that holds the quote (a paragraph inserted or removed next to it), the part of the context inside that block is
 * still there verbatim and still ends at a block edge.
 */
function sideAgrees(editScore: number | null, inner: string, near: string, edge: boolean, strict: boolean): boolean {
  if (editScore !== null && editScore >= (strict ? STRICT_CONTEXT_AGREES : CONTEXT_AGREES)) return true;
  return inner.length > 0 && near === inner && edge;
}

function score(text: string, raw: string, quote: string, ctx: QuoteContext, c: Candidate, strict = false): Scored {
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
  const prefixOk = sideAgrees(p, innerPrefix ?? '', text.slice(beforeInner, c.start), prefixEdge, strict);
  const suffixOk = sideAgrees(s, innerSuffix ?? '', text.slice(c.end, afterInner), suffixEdge, strict);
  return {
    ...c,
    score: (rawScore + (prefixOk ? 5 : 0) + (suffixOk ? 5 : 0)) / (MAX_SCORE + 10),
    prefix: p,
    suffix: s,
    sides: Number(prefixOk) + Number(suffixOk),
    edges: Number(innerPrefix === '' && prefixEdge) + Number(innerSuffix === '' && suffixEdge),
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

/** Whether a candidate is good enough to show a claim on. See the module comment. */
function acceptable(m: Scored, quote: string, exactCount: number): boolean {
  if (m.errors === 0) {
    if (m.sides > 0) return true;
    // The context is gone on both sides, as when a one-paragraph claim gets new neighbours. Its text alone
    // identifies it only if it is long, unique on the page, and was (and still is) a whole block.
    return exactCount === 1 && quote.length >= MIN_CONTEXT_FREE_LENGTH && m.edges === 2;
  }
  return m.sides > 0 && m.errors <= errorBudget(quote.length, m.sides === 2);
}

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
  for (const c of exact) {
    const m = score(text, raw, quote, ctx, c, exact.length > 1);
    if ((!best || m.score > best.score) && acceptable(m, quote, exact.length)) best = m;
  }
  // Exact and backed by both sides of its context: nothing an approximate match could do better.
  if (best && best.sides === 2) return strip(best);
  for (const c of fuzzyCandidates(text, quote, ctx)) {
    if (c.errors === 0) continue;
    const m = score(text, raw, quote, ctx, snap(text, ctx, c));
    if ((!best || m.score > best.score) && acceptable(m, quote, exact.length)) best = m;
  }
  return best && strip(best);
}

/** The exact occurrence of `quote` at `start` when one side of its context still agrees there, else null. */
export function matchAt(text: string, quote: string, ctx: QuoteContext, start: number, raw = text): QuoteMatch | null {
  if (!text.startsWith(quote, start)) return null;
  const m = score(text, raw, quote, ctx, { start, end: start + quote.length, errors: 0 });
  return m.sides > 0 ? strip(m) : null;
}

const strip = ({ start, end, errors, score: s }: Scored): QuoteMatch => ({ start, end, errors, score: s });
