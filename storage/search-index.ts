// The Library's word index: an inverted index kept in step with every write to `claims`, in the same transaction.
//
// Why not a multi-entry `*words` index on claims: Chromium's IndexedDB pays for every index entry (about 70 µs each
// on the 2-core benchmark machine), and 100,000 claims have 2.7 million distinct (word, claim) pairs, so importing them
// took over three minutes. Here each write transaction adds one *segment*, a single record holding the words of the
// claims it wrote (sorted, each with the positions of its claims): an import of 100,000 claims adds 10 records,
// a note edit one small one. A search reads the segments and lets the newest entry of a claim win; segments are
// merged when they pile up (compactSearchIndex).
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Claim } from '../lib/model';
import { claimText, forEachWord } from '../lib/model/search-words';

export const SEARCH_INDEX = 'searchIndex';

export interface SearchSegment {
  /** Write order: a later segment's entry for a claim replaces an earlier one's. */
  seq?: number;
  /** The claims written, each once, and their `updatedAt` (results come newest first without reading them). */
  ids: string[];
  times: number[];
  /** Claims deleted. */
  deleted: string[];
  /** Distinct folded words, sorted by code unit; the claims of `words[i]` are `postings[starts[i] .. starts[i + 1]]`. */
  words: string[];
  starts: Uint32Array;
  /** Positions in `ids`, ascending within each word. */
  postings: Uint16Array | Uint32Array;
}

type Indexed = Pick<Claim, 'id' | 'exact' | 'note' | 'updatedAt'>;

function packSegment(ids: string[], times: number[], deleted: string[], byWord: Map<string, number[]>): SearchSegment {
  const words = [...byWord.keys()].sort(byCodeUnits);
  const starts = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((word, i) => {
    starts[i] = total;
    total += byWord.get(word)!.length;
  });
  starts[words.length] = total;
  const postings = ids.length <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  words.forEach((word, i) => postings.set(byWord.get(word)!, starts[i]));
  return { ids, times, deleted, words, starts, postings };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The segment for claims written together (and claims deleted). */
export function buildSegment(claims: readonly Indexed[], deleted: readonly string[] = []): SearchSegment {
  const byWord = new Map<string, number[]>();
  claims.forEach((claim, position) => {
    forEachWord(claimText(claim), (word) => {
      const list = byWord.get(word);
      if (!list) byWord.set(word, [position]);
      else if (list[list.length - 1] !== position) list.push(position); // a word repeated within the claim
    });
  });
  return packSegment(
    claims.map((c) => c.id),
    claims.map((c) => c.updatedAt),
    [...deleted],
    byWord,
  );
}

/** First position in the sorted `words` not below `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Candidate {
  id: string;
  updatedAt: number;
}

export interface IndexLookup {
  /** Claims whose newest entry has every query word as a word prefix, in no particular order. */
  candidates: Candidate[];
  /** Entries in all segments, and the claims they describe that still exist: how much merging would save. */
  entries: number;
  live: number;
}

/** Looks the query's words up in every segment (oldest first, as stored); a claim's newest entry wins. */
export function lookUp(segments: readonly SearchSegment[], query: readonly string[]): IndexLookup {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let live = 0;
  for (let s = segments.length - 1; s >= 0; s--) {
    const segment = segments[s]!;
    const { ids, words, starts, postings } = segment;
    entries += ids.length + segment.deleted.length;
    // matched[i] counts the query words claim i has passed so far, so each word narrows the last one's survivors.
    const matched = new Uint8Array(ids.length);
    query.forEach((prefix, k) => {
      for (let w = lowerBound(words, prefix); w < words.length && words[w]!.startsWith(prefix); w++) {
        for (let p = starts[w]!; p < starts[w + 1]!; p++) {
          const i = postings[p]!;
          if (matched[i] === k) matched[i] = k + 1;
        }
      }
    });
    for (let i = 0; i < ids.length; i++) {
      if (matched[i] === query.length && !seen.has(ids[i]!))
        candidates.push({ id: ids[i]!, updatedAt: segment.times[i]! });
    }
    for (const id of segment.deleted) seen.add(id);
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      live += 1;
    }
  }
  return { candidates, entries, live };
}

/**
 * One segment in place of a run of consecutive ones (oldest first): each claim's newest entry only. Deletions are
 * kept unless the run starts at the oldest segment, where nothing older is left for them to hide.
 */
export function mergeSegments(run: readonly SearchSegment[], fromOldest: boolean): SearchSegment {
  const ids: string[] = [];
  const times: number[] = [];
  const deleted: string[] = [];
  const seen = new Set<string>();
  const byWord = new Map<string, number[]>();
  for (let s = run.length - 1; s >= 0; s--) {
    const segment = run[s]!;
    const at = new Int32Array(segment.ids.length).fill(-1);
    segment.ids.forEach((id, i) => {
      if (seen.has(id)) return;
      seen.add(id);
      at[i] = ids.length;
      ids.push(id);
      times.push(segment.times[i]!);
    });
    segment.words.forEach((word, w) => {
      let list = byWord.get(word);
      for (let p = segment.starts[w]!; p < segment.starts[w + 1]!; p++) {
        const position = at[segment.postings[p]!]!;
        if (position < 0) continue;
        if (!list) byWord.set(word, (list = []));
        list.push(position); // ascending: positions are handed out segment by segment, in order within each
      }
    });
    for (const id of segment.deleted) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (!fromOldest) deleted.push(id);
    }
  }
  // A deleted claim's entry is dropped with the merge when nothing older remains: its positions are simply unused.
  const merged = packSegment(ids, times, deleted, byWord);
  return { ...merged, seq: run[run.length - 1]!.seq };
}

/** A segment this small is merged with its neighbours once enough of them pile up at the end. */
const SMALL_SEGMENT = 1000;
const SMALL_SEGMENTS_BEFORE_MERGE = 16;

/** The run of small segments at the end (oldest first). */
function trailingSmall(segments: readonly SearchSegment[]): SearchSegment[] {
  let first = segments.length;
  while (first > 0 && segments[first - 1]!.ids.length + segments[first - 1]!.deleted.length < SMALL_SEGMENT) first--;
  return segments.slice(first);
}

/**
 * Which segments to merge, if any: all of them when stale entries (replaced or deleted claims) outnumber the live ones,
 * or the trailing run of small segments (note edits, single claims) once it is 16 long.
 */
export function compactionRun(
  segments: readonly SearchSegment[],
  lookup: Pick<IndexLookup, 'entries' | 'live'>,
): SearchSegment[] {
  if (segments.length > 1 && lookup.entries > 2 * lookup.live + 10_000) return [...segments];
  const tail = trailingSmall(segments);
  return tail.length >= SMALL_SEGMENTS_BEFORE_MERGE ? tail : [];
}

/**
 * Every 32nd segment written, the small ones among the last 32 are merged in the writer's transaction, so note edits
 * never pile up thousands of records in a library nobody searches (a search merges them too; see compactionRun).
 */
const MERGE_EVERY = 32;

async function mergeRecentSmall(index: DBCoreTable, trans: DBCoreTransaction, seq: number): Promise<void> {
  const range = { type: RANGE, lower: seq - MERGE_EVERY + 1, upper: seq, lowerOpen: false, upperOpen: false };
  const recent = (await index.query({ trans, values: true, query: { index: index.schema.primaryKey, range } })).result;
  const run = trailingSmall(recent as SearchSegment[]);
  if (run.length < 2) return;
  await index.mutate({ type: 'delete', trans, keys: run.slice(0, -1).map((s) => s.seq) });
  await index.mutate({ type: 'put', trans, values: [mergeSegments(run, false)] });
}

/** The segment a write to `claims` adds: the claims written, or the keys deleted; none when nothing was. */
function segmentOf(
  req: DBCoreMutateRequest,
  rangeKeys: readonly unknown[],
  failures: Record<number, unknown> = {},
): SearchSegment | null {
  if (req.type === 'add' || req.type === 'put') {
    const written = (req.values as Indexed[]).filter((value, i) => !failures[i] && typeof value?.id === 'string');
    return written.length ? buildSegment(written) : null;
  }
  const keys = (req.type === 'delete' ? req.keys : rangeKeys).filter((key): key is string => typeof key === 'string');
  return keys.length ? buildSegment([], keys) : null;
}

// Dexie's DBCoreRangeType (a const enum, which isolated modules cannot import): a key range, and every key (clear()
// and whole-table deletes).
const RANGE = 2;
const ANY_RANGE = 3;
const isWholeRange = (range: { type: number }) => range.type === ANY_RANGE;

/**
 * Keeps the search index in step with `claims` for every writer (panel, background, import worker, tests): each
 * read-write transaction on claims also covers the index, and each write to claims adds its segment there.
 */
export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClaimSearchIndex',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const covered = mode === 'readwrite' && stores.includes('claims') && !stores.includes(SEARCH_INDEX);
        return down.transaction(covered ? [...stores, SEARCH_INDEX] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'claims') return table;
        return {
          ...table,
          async mutate(req) {
            const trans: DBCoreTransaction = req.trans;
            const index = down.table(SEARCH_INDEX);
            if (req.type === 'deleteRange' && isWholeRange(req.range)) {
              const [res] = await Promise.all([
                table.mutate(req),
                index.mutate({ type: 'deleteRange', trans, range: req.range }),
              ]);
              return res;
            }
            // A partial range delete names no keys: find them first, to record them as deleted.
            const rangeKeys =
              req.type === 'deleteRange'
                ? (
                    await table.query({
                      trans,
                      values: false,
                      query: { index: table.schema.primaryKey, range: req.range },
                    })
                  ).result
                : [];
            // The claims' requests are on their way before the segment is built, so building it overlaps with
            // IndexedDB storing them (about 1 s of work for 100,000 claims).
            const pending = table.mutate(req);
            let segment = segmentOf(req, rangeKeys);
            const res = await pending;
            if (res.numFailures) segment = segmentOf(req, rangeKeys, res.failures);
            if (segment) {
              const [seq] = (await index.mutate({ type: 'add', trans, values: [segment] })).results ?? [];
              if (typeof seq === 'number' && seq % MERGE_EVERY === 0) await mergeRecentSmall(index, trans, seq);
            }
            return res;
          },
        };
      },
    };
  },
};
