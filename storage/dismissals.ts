import type { ClaimlensDb } from './db';
import type { Dismissal } from '../lib/model';

export function dismissalsOfPage(db: ClaimlensDb, pageUrl: string): Promise<Dismissal[]> {
  return db.dismissals.where('pageUrl').equals(pageUrl).toArray();
}

/** "Not a claim": remembered for the page, so the same suggestion is not offered again. */
export async function dismissSuggestion(db: ClaimlensDb, dismissal: Dismissal): Promise<void> {
  await db.dismissals.put(dismissal);
}

export async function undoDismissal(db: ClaimlensDb, id: string): Promise<void> {
  await db.dismissals.delete(id);
}
