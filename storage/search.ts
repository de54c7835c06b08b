import type { ClaimlensDb } from './db';
import { matchesWords, queryWords, type Claim, type ClaimStatus } from '../lib/model';

export function claimsWithStatus(db: ClaimlensDb, status: ClaimStatus): Promise<Claim[]> {
  return db.claims.where('status').equals(status).toArray();
}

/**
 * Claims whose quote or note contains every word of the query. A scan, not an index: note and quote text are never
 * indexed (an index would copy the reader's notes into IndexedDB's index structures for little gain at this scale).
 */
export async function searchClaims(db: ClaimlensDb, query: string, limit = Infinity): Promise<Claim[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const found: Claim[] = [];
  // Batches by primary key use getAll() under the hood, several times faster than a cursor stepping record by record.
  let after: string | null = null;
  for (;;) {
    const batch: Claim[] = await (after === null ? db.claims.orderBy(':id') : db.claims.where(':id').above(after))
      .limit(SEARCH_BATCH)
      .toArray();
    for (const claim of batch) {
      if (matchesWords(claim, words)) found.push(claim);
    }
    if (batch.length < SEARCH_BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

const SEARCH_BATCH = 2000;
