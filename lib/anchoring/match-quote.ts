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
 * How far (in characters) a candidate may start from the stored position and still count as "in place": evidence
 * only where the context says nothing (a side with no stored context, a low-information quote), since a paragraph
 * inserted anywhere above a quote moves it by hundreds of characters.
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
 * A whole-paragraph quote whose neighbours both changed is taken back edited, on its text alone, from this length.
 * Shorter whole blocks are headings, subheadings, list items and link lines, which pages print again nearly
 * verbatim (tables of contents, teasers, related-story boxes); the sentences of an article body are longer. With
 * 40, the corpus test (17 pages x 200 quotes, deletions after structural changes) makes no wrong anchor, and the
 * edited whole paragraphs it still loses are subheadings.
 */
const MIN_EDITED_ALONE_LENGTH = 40;
/** Edits tolerated in such a quote: the one-side budget, which covers the 1-3 characters of a corrected typo. */
const maxErrorsAlone = (length: number) => errorBudget(length, false);
/**
 * Pieces of a quote searched for to find it anywhere (`pieceWindows`): a 40-character quote with its budget of 4
 * edits gives pieces of 8; below 5 characters, pieces are common words that occur hundreds of times.
 */
const MIN_PIECE_LENGTH = 5;
/**
 * Occurrences of one piece followed before it counts as too common to search everywhere (then the quote is not
 * taken back on its text alone). Measured over the 1,190 sentences of 40+ characters of the corpus pages (yahoo-2's
 * 1.6 MB included): their most common piece occurs once at the median, 10 times at the 99th percentile, 36 at most.
 */
const MAX_PIECE_HITS = 50;
/** Edits of a corrected typo, looked for before the full budget (a cheaper search; see `matchQuote`). */
const TYPO_EDITS = 3;

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
 * - `edge`: the same with nothing of the context inside the block: the quote began (or ended) its block, and so does
 *   the candidate, but the block next to it is another one now;
 * - `unknown`: no context was stored on this side (the quote began or ended the text) and the candidate is not at
 *   the text's edge: nothing to agree or disagree with;
 * - `none`: the text next to the candidate, in its own block, is not the text that was next to the quote.
 */
type Agreement = 'verbatim' | 'close' | 'block' | 'edge' | 'unknown' | 'none';

interface Scored extends QuoteMatch {
  prefix: Agreement;
  suffix: Agreement;
  /** Sides (0-2) whose context still agrees: `verbatim`, `close`, or `block`. */
  sides: number;
  /** Sides (0-2) that are `edge`: the quote's block boundary is still where the candidate's is. */
  edges: number;
  /** The only place on the page where the quote is found within `maxErrorsAlone` edits (see `fuzzyCandidates`). */
  unique: boolean;
  /** Distance from the stored position; 0 when none was stored. */
  moved: number;
}

function agreement(editScore: number | null, inner: string | null, near: string, edge: boolean): Agreement {
  // No context stored on this side: the quote began (or ended) the text, itself a block edge.
  if (editScore === null) return edge ? 'edge' : 'unknown';
  if (editScore === 1) return 'verbatim';
  if (editScore >= CONTEXT_AGREES) return 'close';
  if (inner === null || near !== inner || !edge) return 'none';
  return inner ? 'block' : 'edge';
}

function score(text: string, raw: string, quote: string, ctx: QuoteContext, c: Candidate, unique = false): Scored {
  const p = prefixScore(text, c.start, ctx.prefix);
  const s = suffixScore(text, c.end, ctx.suffix);
  const position = ctx.hint === undefined ? 0.5 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / (text.length || 1));
  const rawScore =
    WEIGHTS.quote * (1 - c.errors / quote.length) +
    WEIGHTS.prefix * (p ?? 0.5) +
    WEIGHTS.suffix * (s ?? 0.5) +
    WEIGHTS.position * position;
  const innerPrefix = innerPart(ctx.rawPrefix, ctx.prefix, 'prefix');
  const innerSuffix = innerPart(ctx.rawSuffix, ctx.suffix, 'suffix');
  const beforeInner = c.start - (innerPrefix ?? '').length;
  const afterInner = c.end + (innerSuffix ?? '').length;
  const prefixEdge = innerPrefix !== null && (beforeInner <= 0 || raw[beforeInner - 1] === '\n');
  const suffixEdge = innerSuffix !== null && (afterInner >= raw.length || raw[afterInner] === '\n');
  const prefix = agreement(p, innerPrefix, text.slice(beforeInner, c.start), prefixEdge);
  const suffix = agreement(s, innerSuffix, text.slice(c.end, afterInner), suffixEdge);
  const agrees = (a: Agreement) => a === 'verbatim' || a === 'close' || a === 'block';
  const sides = Number(agrees(prefix)) + Number(agrees(suffix));
  const edges = Number(prefix === 'edge') + Number(suffix === 'edge');
  return {
    ...c,
    score: (rawScore + 5 * sides + 2 * edges) / (MAX_SCORE + 10),
    prefix,
    suffix,
    sides,
    edges,
    unique,
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
 * Beyond that, the evidence demanded grows as the candidate's own text says less:
 * - an exact match needs one agreeing side, or to be long and the only copy on the page;
 * - an edited match needs both sides; or one side and, on the other, the quote's block edge where the candidate's
 *   is (a new paragraph now stands there); or, long and the only close match on the page, block edges on both sides;
 * - a low-information quote needs an exact match, both sides, and the stored position or to be the only exact
 *   match with both sides.
 * The stored position only breaks ties between candidates (see `score`) and backs a side whose context is unknown:
 * text inserted anywhere above a quote moves it, so where it was says little about where it is.
 */
function acceptable(m: Scored, quote: Quote): boolean {
  if (m.prefix === 'none' || m.suffix === 'none') return false;
  const inPlace = quote.hasHint && m.moved <= NEAR_POSITION;
  // Repetitive text (code, lists) gives look-alike context to every occurrence: the stored position, or the only
  // occurrence with both sides' context intact.
  if (quote.lowInformation) return m.errors === 0 && m.sides === 2 && (inPlace || quote.pinnedCount === 1);
  if (m.errors === 0) {
    if (m.sides > 0) return true;
    // Both sides changed beyond the quote's block, as when a one-paragraph claim gets new neighbours. Its text
    // alone identifies it only if it is long and unique on the page.
    return quote.exactCount === 1 && quote.length >= MIN_CONTEXT_FREE_LENGTH;
  }
  if (m.sides === 2) return m.errors <= errorBudget(quote.length, true);
  if (m.errors > errorBudget(quote.length, false)) return false;
  // One side agrees; the other is the quote's block edge, or unknown (the quote began the text) and then only in place.
  if (m.sides === 1) return m.edges === 1 || inPlace;
  // Both neighbours changed: the quote was a whole block and the candidate is one.
  return (
    m.edges === 2 && quote.length >= MIN_EDITED_ALONE_LENGTH && m.errors <= maxErrorsAlone(quote.length) && m.unique
  );
}

/** What `acceptable` needs to know about the quote itself, computed once per search. */
interface Quote {
  length: number;
  exactCount: number;
  /** Exact matches with both sides of their context agreeing. */
  pinnedCount: number;
  hasHint: boolean;
  lowInformation: boolean;
}

const describeQuote = (quote: string, ctx: QuoteContext, exactCount: number, pinnedCount: number): Quote => ({
  length: quote.length,
  exactCount,
  pinnedCount,
  hasHint: ctx.hint !== undefined,
  lowInformation: lowInformation(quote),
});

function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (
    let at = text.indexOf(quote);
    at !== -1 && found.length < MAX_EXACT_CANDIDATES;
    at = text.indexOf(quote, at + 1)
  ) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Where an edited quote should be: after its prefix, before its suffix, and at its old position. */
function contextWindows(text: string, quote: string, ctx: QuoteContext, slack: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const span = quote.length + slack;
  const head = ctx.prefix.slice(-ANCHOR_LENGTH);
  const tail = ctx.suffix.slice(0, ANCHOR_LENGTH);
  if (head.trim()) eachAnchor(head, text, (at) => windows.push([at + head.length - slack, at + head.length + span]));
  if (tail.trim()) eachAnchor(tail, text, (at) => windows.push([at - span, at + slack]));
  if (ctx.hint !== undefined) windows.push([ctx.hint - slack, ctx.hint + span]);
  return windows;
}

function eachAnchor(needle: string, haystack: string, add: (at: number) => void) {
  let n = 0;
  for (
    let at = haystack.indexOf(needle);
    at !== -1 && n < MAX_CONTEXT_ANCHORS;
    at = haystack.indexOf(needle, at + 1), n++
  )
    add(at);
}

/**
 * Where the quote's block held fewer than `ANCHOR_LENGTH` characters of context on a side, the anchors of
 * `contextWindows` reach into the neighbouring block, which a new paragraph may have replaced: then the part inside
 * the block is searched for at a block edge.
 */
function blockWindows(raw: string, quote: string, ctx: QuoteContext, slack: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const span = quote.length + slack;
  const head = innerPart(ctx.rawPrefix, ctx.prefix, 'prefix');
  const tail = innerPart(ctx.rawSuffix, ctx.suffix, 'suffix');
  if (head?.trim() && head.length < ANCHOR_LENGTH) {
    eachAnchor(`\n${head}`, raw, (at) => windows.push([at + 1 + head.length - slack, at + 1 + head.length + span]));
  }
  if (tail?.trim() && tail.length < ANCHOR_LENGTH)
    eachAnchor(`${tail}\n`, raw, (at) => windows.push([at - span, at + slack]));
  return windows;
}

/**
 * Windows around every place where the quote could be with at most `maxErrors` edits, wherever its context went:
 * cut into `maxErrors + 1` pieces, such a quote keeps one of them intact (pigeonhole). Null when a piece is too
 * common to follow everywhere; then the search is not complete and cannot tell whether a match is unique.
 */
function pieceWindows(text: string, quote: string, maxErrors: number, slack: number): Array<[number, number]> | null {
  const pieces = maxErrors + 1;
  const size = Math.floor(quote.length / pieces);
  if (size < MIN_PIECE_LENGTH) return null;
  const windows: Array<[number, number]> = [];
  for (let k = 0; k < pieces; k++) {
    const offset = k * size;
    const piece = quote.slice(offset, k === pieces - 1 ? quote.length : offset + size);
    let n = 0;
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      if (++n > MAX_PIECE_HITS) return null;
      windows.push([at - offset - slack, at - offset + quote.length + slack]);
    }
  }
  return windows;
}

/** Sorted, overlapping windows merged, clipped to the text. */
function mergeWindows(windows: Array<[number, number]>, length: number): Array<[number, number]> {
  const sorted = windows
    .map(([a, b]) => [Math.max(0, a), Math.min(length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push(w);
  }
  return out;
}

/** Approximate matches of the quote with at most `maxErrors` edits in the given windows. */
function fuzzyCandidates(
  text: string,
  quote: string,
  windows: Array<[number, number]>,
  maxErrors: number,
): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const [from, to] of mergeWindows(windows, text.length)) {
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
      const key = `${from + m.start}:${from + m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ start: from + m.start, end: from + m.end, errors: m.errors });
    }
  }
  return candidates;
}

/** Non-overlapping places among `matches`. */
function countPlaces(matches: Candidate[]): number {
  let places = 0;
  let end = -1;
  for (const c of [...matches].sort((x, y) => x.start - y.start)) {
    if (c.start >= end) places++;
    end = Math.max(end, c.end);
  }
  return places;
}

/** Levenshtein distance, for a candidate whose boundaries `snap` moved. */
function editDistance(a: string, b: string): number {
  let prev = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      curr[j] = Math.min(sub, prev[j]! + 1, curr[j - 1]! + 1);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

const SNAP_STEPS = [1, -1, 2, -2, 3, -3];

/**
 * approx-string-match may end a match a character early or late when the edit touches its edge (a substitution
 * costs the same as a deletion plus an insertion there); prefer the nearby boundaries where the context fits exactly,
 * or, where the quote began or ended its block, the nearby block edge.
 */
function snap(text: string, raw: string, quote: string, ctx: QuoteContext, m: Candidate): Candidate {
  const head = ctx.prefix.slice(-8);
  const tail = ctx.suffix.slice(0, 8);
  const startsBlock = ctx.rawPrefix !== undefined && (ctx.rawPrefix === '' || ctx.rawPrefix.endsWith('\n'));
  const endsBlock = ctx.rawSuffix !== undefined && (ctx.rawSuffix === '' || ctx.rawSuffix.startsWith('\n'));
  const blockStart = (at: number) => at === 0 || raw[at - 1] === '\n';
  const blockEnd = (at: number) => at === raw.length || raw[at] === '\n';
  let { start, end } = m;
  if (head && text.slice(start - head.length, start) !== head) {
    const d = SNAP_STEPS.find((k) => text.slice(start + k - head.length, start + k) === head);
    if (d !== undefined) start += d;
  }
  if (startsBlock && !blockStart(start)) {
    const d = SNAP_STEPS.find((k) => start + k >= 0 && blockStart(start + k));
    if (d !== undefined) start += d;
  }
  if (tail && text.slice(end, end + tail.length) !== tail) {
    const d = SNAP_STEPS.find((k) => text.slice(end + k, end + k + tail.length) === tail);
    if (d !== undefined) end += d;
  }
  if (endsBlock && !blockEnd(end)) {
    const d = SNAP_STEPS.find((k) => end + k <= raw.length && blockEnd(end + k));
    if (d !== undefined) end += d;
  }
  if (start >= end) return m;
  if (start === m.start && end === m.end) return m;
  return { start, end, errors: editDistance(quote, text.slice(start, end)) };
}

/**
 * The best acceptable match of `quote` in `text`, or null. `text`, `quote` and the context are folded; `raw` is the
 * unfolded text, where block boundaries still read as line breaks.
 */
export function matchQuote(text: string, quote: string, ctx: QuoteContext, raw = text): QuoteMatch | null {
  if (!quote.trim()) return null;
  const exact = exactCandidates(text, quote);
  let best: Scored | null = null;
  const scored = exact.map((c) => score(text, raw, quote, ctx, c));
  const about = describeQuote(quote, ctx, exact.length, scored.filter((m) => m.sides === 2).length);
  for (const m of scored) {
    if ((!best || m.score > best.score) && acceptable(m, about)) best = m;
  }
  // Exact and backed by both sides of its context: nothing an approximate match could do better.
  if (best && best.sides === 2) return strip(best);
  // Approximate matches, in stages from the cheapest and likeliest, stopping at the first that finds an acceptable
  // one: the few edits of a corrected typo near the context and the old position; then at the block edges of a
  // short in-block context and wherever the quote could be (which also tells whether a match is the only one); last,
  // a reworded clause (up to `errorBudget(.., true)` edits, which only a quote with both sides may have). A larger
  // budget costs much more: every position within that many edits of the quote is a match to score.
  const small = errorBudget(quote.length, false);
  const large = errorBudget(quote.length, true);
  if (small === 0) return best && strip(best);
  const slack = small + 2;
  let unique = false;
  const consider = (candidates: Candidate[]) => {
    for (const c of candidates) {
      if (c.errors === 0) continue;
      const m = score(text, raw, quote, ctx, snap(text, raw, quote, ctx, c), unique);
      if ((!best || m.score > best.score) && acceptable(m, about)) best = m;
    }
    return best !== null;
  };
  // Near the context, a typo's one to three edits first: each match end within the budget costs a reverse search
  // for its start, and a budget twice the edits made finds twice the ends.
  const typo = Math.min(small, TYPO_EDITS);
  const nearWindows = contextWindows(text, quote, ctx, slack);
  if (typo < small && consider(fuzzyCandidates(text, quote, nearWindows, typo))) return strip(best!);
  const near = fuzzyCandidates(text, quote, nearWindows, small);
  if (consider(near)) return strip(best!);
  const alone = maxErrorsAlone(quote.length);
  const pieces = quote.length >= MIN_EDITED_ALONE_LENGTH ? pieceWindows(text, quote, alone, alone + 2) : null;
  const further = fuzzyCandidates(text, quote, [...blockWindows(raw, quote, ctx, slack), ...(pieces ?? [])], small);
  // Every place within `alone` edits lies in a piece window, so this count is complete.
  if (pieces) unique = countPlaces([...exact, ...near, ...further].filter((c) => c.errors <= alone)) === 1;
  if (consider(unique ? [...near, ...further] : further)) return strip(best!);
  if (large > small) {
    const windows = [...contextWindows(text, quote, ctx, large + 2), ...blockWindows(raw, quote, ctx, large + 2)];
    consider(fuzzyCandidates(text, quote, windows, large).filter((c) => c.errors > small));
  }
  return best && strip(best);
}

/** The exact occurrence of `quote` at `start` when its context still backs it there, else null. */
export function matchAt(text: string, quote: string, ctx: QuoteContext, start: number, raw = text): QuoteMatch | null {
  if (!text.startsWith(quote, start)) return null;
  const m = score(text, raw, quote, ctx, { start, end: start + quote.length, errors: 0 });
  // Not known to be unique here: a quote with no context left goes through `matchQuote`, which counts.
  return acceptable(m, describeQuote(quote, ctx, 2, 2)) ? strip(m) : null;
}

const strip = ({ start, end, errors, score: s }: Scored): QuoteMatch => ({ start, end, errors, score: s });
