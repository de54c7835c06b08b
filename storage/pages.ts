import type { PageRecord } from '../lib/model';
import type { ClaimlensDb } from './db';

/** Every annotated page, the most recently visited first (the Library's list). */
export function pagesByLastVisit(db: ClaimlensDb): Promise<PageRecord[]> {
  return db.pages.orderBy('lastVisit').reverse().toArray();
}
