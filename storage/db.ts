import Dexie, { type EntityTable } from 'dexie';
import type { Claim, Dismissal, PageRecord, Settings } from '../lib/model';

export const DB_NAME = 'claimlens';

/**
 * The one database, in the extension's origin (background and side panel; never the page's).
 * Indexes only on what queries use: claims by page, by status, by recency. Never on note or quote text.
 *
 * Versions (each kept, so Dexie can upgrade any older database in place):
 * 1. pages, claims
 * 2. + dismissals (suggestions the reader rejected), by page
 * 3. + settings (one record)
 */
export const SCHEMA: Record<number, Record<string, string>> = {
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
};

export class ClaimlensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  claims!: EntityTable<Claim, 'id'>;
  dismissals!: EntityTable<Dismissal, 'id'>;
  settings!: EntityTable<Settings, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const [version, stores] of Object.entries(SCHEMA)) this.version(Number(version)).stores(stores);
  }
}

let instance: ClaimlensDb | undefined;

export function getDb(): ClaimlensDb {
  instance ??= new ClaimlensDb();
  return instance;
}
