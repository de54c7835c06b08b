import { MAX_VERDICT_LENGTH, type PageRecord, type PageRef } from '../lib/model';
import type { ClaimlensDb } from './db';

/**
 * A new verdict, or a function that makes one from the page as stored at the moment of writing (null: write nothing,
 * the page stays as it is).
 */
export type VerdictChange = string | ((current: PageRecord | undefined) => string | null);

/**
 * Sets the reader's verdict on a page: creates the page record when there is none (no claims yet, visited now), and
 * otherwise changes only the verdict and its time. A verdict of blanks clears it (the time stays, so an older verdict
 * in a backup does not come back on import); clearing a page that has no record writes nothing. Read, decided and
 * written in one transaction. Returns the page as stored afterwards.
 */
export async function setPageVerdict(
  db: ClaimlensDb,
  page: PageRef,
  change: VerdictChange,
  now = Date.now(),
): Promise<PageRecord | undefined> {
  return db.transaction('rw', db.pages, async () => {
    const current = await db.pages.get(page.url);
    const verdict = typeof change === 'function' ? change(current) : change;
    if (verdict === null) return current;
    if (verdict.length > MAX_VERDICT_LENGTH) {
      throw new Error(`the verdict is longer than ${MAX_VERDICT_LENGTH.toLocaleString('en')} characters`);
    }
    const cleared = !verdict.trim();
    if (!current && cleared) return undefined;
    if (current && (cleared ? current.verdict === undefined : current.verdict === verdict)) return current;
    const { verdict: _old, ...rest } = current ?? {
      url: page.url,
      title: page.title || page.url,
      site: page.site || new URL(page.url).hostname,
      firstVisit: now,
      lastVisit: now,
      counts: { unreviewed: 0, sourced: 0, unsourced: 0 },
    };
    // A local edit is always newer than what it changes, even when the stored time is ahead of this clock.
    const verdictUpdatedAt = Math.max(now, (current?.verdictUpdatedAt ?? -Infinity) + 1);
    const next: PageRecord = { ...rest, ...(cleared ? {} : { verdict }), verdictUpdatedAt };
    await db.pages.put(next);
    return next;
  });
}
