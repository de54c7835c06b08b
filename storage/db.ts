import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Claim, Dismissal, PageRecord, Settings } from '../lib/model';
import { buildSegment, SEARCH_INDEX, searchIndexMiddleware, type SearchSegment } from './search-index';

export const DB_NAME = 'claimlens';

/**
 * The one database, in the extension's origin (background and side panel; never the page's).
 * Indexes only on what queries use: claims by page and by status. Quote and note words live in the search index, one
 * record per write (storage/search-index.ts), never in IndexedDB indexes.
 *
 * Versions (each kept, so Dexie can upgrade any older database in place):
 * 1. pages, claims
 * 2. + dismissals (suggestions the reader rejected), by page
 * 3. + settings (one record)
 * 4. + searchIndex (filled from the stored claims on upgrade); claims lose the `updatedAt` index, which no query used
 *    and every write paid for
 */
export const SCHEMA: Record<number, Record<string, string | null>> = {
  1: {
    pages: '&url, lastVisit',
    claims: '&id, pageUrl, status, updatedAt',
  },
  2: {
    dismissals: '&id, pageUrl',
  },
  3: {
    settings: '&id',
  },
  4: {
    claims: '&id, pageUrl, status',
    [SEARCH_INDEX]: '++seq',
  },
};

const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  4: fillSearchIndex,
};

/** Claims per search index segment when the index is built from stored claims (upgrade, import). */
export const SEGMENT_CLAIMS = 10_000;

/** Version 4: indexes the claims stored before it, in segments of 10,000, by id. */
async function fillSearchIndex(tx: Transaction): Promise<void> {
  const claims = tx.table<Claim, string>('claims');
  const index = tx.table<SearchSegment, number>(SEARCH_INDEX);
  let after: string | undefined;
  for (;;) {
    const batch = await (after === undefined ? claims.orderBy(':id') : claims.where(':id').above(after))
      .limit(SEGMENT_CLAIMS)
      .toArray();
    if (batch.length) await index.add(buildSegment(batch));
    if (batch.length < SEGMENT_CLAIMS) return;
    after = batch[batch.length - 1]!.id;
  }
}

export class ClaimlensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  claims!: EntityTable<Claim, 'id'>;
  dismissals!: EntityTable<Dismissal, 'id'>;
  settings!: EntityTable<Settings, 'id'>;
  searchIndex!: EntityTable<SearchSegment, 'seq'>;

  constructor(name = DB_NAME) {
    super(name);
    this.use(searchIndexMiddleware);
    for (const [version, stores] of Object.entries(SCHEMA)) {
      const upgrade = UPGRADES[Number(version)];
      const declared = this.version(Number(version)).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let instance: ClaimlensDb | undefined;

export function getDb(): ClaimlensDb {
  instance ??= new ClaimlensDb();
  return instance;
}
