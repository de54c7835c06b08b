import type { ClaimlensDb } from './db';
import type { Claim } from '../lib/model';
import { compactionRun, lookUp, mergeSegments, type Candidate, type SearchSegment } from './search-index';
import { claimWords, hasEveryPrefix, searchWords } from '../lib/model/search-words';

/** The Library shows the newest 200 hits; a search for "the" over 100,000 claims would otherwise read them all. */
export const SEARCH_LIMIT = 200;

const newestFirst = (a: Candidate, b: Candidate) =>
  b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Claims whose quote or note has every word of the query as the start of one of its words (case and accents folded:
 * "etude insee" finds "Étude from INSEE", "unemp" finds "Unemployment"), newest first, at most `limit`.
 * Answered from the search index; each hit is read and checked against the claim as stored.
 */
export async function searchClaims(db: ClaimlensDb, query: string, limit = SEARCH_LIMIT): Promise<Claim[]> {
  const words = searchWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const { found, segments, lookup } = await db.transaction('r', db.claims, db.searchIndex, async () => {
    const segments = await db.searchIndex.toArray();
    const lookup = lookUp(segments, words);
    const candidates = lookup.candidates.sort(newestFirst);
    const found: Claim[] = [];
    for (let next = 0; next < candidates.length && found.length < limit;) {
      const batch = candidates.slice(next, (next += Math.max(limit - found.length, 50)));
      for (const claim of await db.claims.bulkGet(batch.map((c) => c.id))) {
        if (claim && hasEveryPrefix(claimWords(claim), words)) found.push(claim);
      }
    }
    return { found, segments, lookup };
  });
  const run = compactionRun(segments, lookup);
  if (run.length > 1) await compactSearchIndex(db, run);
  return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/**
 * Merges a run of consecutive segments into one (see compactionRun), unless another panel merged or replaced them
 * first. Writes only to the index: claims written meanwhile add segments after the run and are left alone.
 */
export async function compactSearchIndex(db: ClaimlensDb, run: readonly SearchSegment[]): Promise<void> {
  const keys = run.map((s) => s.seq!);
  const [first, last] = [keys[0]!, keys[keys.length - 1]!];
  await db.transaction('rw', db.searchIndex, async () => {
    const stored = await db.searchIndex.where(':id').between(first, last, true, true).primaryKeys();
    if (stored.length !== keys.length || stored.some((key, i) => key !== keys[i])) return;
    const fromOldest = (await db.searchIndex.orderBy(':id').firstKey()) === first;
    await db.searchIndex.bulkDelete(keys.slice(0, -1));
    await db.searchIndex.put(mergeSegments(run, fromOldest));
  });
}
