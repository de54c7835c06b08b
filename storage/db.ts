import Dexie, { type EntityTable } from 'dexie';
import type { Claim, PageRecord } from './types';

/**
 * The one database, in the extension's origin (background and side panel; never the page's).
 * Indexes only on what queries use: claims by page, by status, by recency. Never on note or quote text.
 */
export class ClaimlensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  claims!: EntityTable<Claim, 'id'>;

  constructor(name = 'claimlens') {
    super(name);
    this.version(1).stores({
      pages: '&url, lastVisit',
      claims: '&id, pageUrl, status, updatedAt',
    });
  }
}

let instance: ClaimlensDb | undefined;

export function getDb(): ClaimlensDb {
  instance ??= new ClaimlensDb();
  return instance;
}
