import type { BackupEntry } from '../lib/backup/format';
import { countStatuses } from './claims';
import type { ClaimlensDb } from './db';
import type { Claim, Dismissal, PageRecord } from './types';

/** Every page with its claims, pages in URL order and claims by creation, so equal data gives an equal backup file. */
export async function readEverything(db: ClaimlensDb): Promise<BackupEntry[]> {
  return db.transaction('r', db.pages, db.claims, db.dismissals, async () => {
    const [pages, claims, dismissals] = await Promise.all([
      db.pages.orderBy('url').toArray(),
      db.claims.toArray(),
      db.dismissals.toArray(),
    ]);
    const claimsOf = Map.groupBy(claims, (c) => c.pageUrl);
    const dismissalsOf = Map.groupBy(dismissals, (d) => d.pageUrl);
    const byTime = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
    // A page with only dismissals has no page record; it is carried under a minimal one so nothing is lost.
    const urls = new Set([...pages.map((p) => p.url), ...dismissalsOf.keys()]);
    const records = new Map(pages.map((p) => [p.url, p]));
    return [...urls].sort().map((url) => {
      const pageDismissals = (dismissalsOf.get(url) ?? []).sort(byTime);
      return {
        page: records.get(url) ?? placeholderPage(url, pageDismissals),
        claims: (claimsOf.get(url) ?? []).sort(byTime),
        ...(pageDismissals.length ? { dismissals: pageDismissals } : {}),
      };
    });
  });
}

function placeholderPage(url: string, dismissals: Dismissal[]): PageRecord {
  const times = dismissals.map((d) => d.createdAt);
  return {
    url, title: url, site: new URL(url).hostname, firstVisit: Math.min(...times), lastVisit: Math.max(...times),
    counts: { unreviewed: 0, sourced: 0, unsourced: 0 },
  };
}

export interface ImportReport {
  added: number;
  updated: number;
  /** Claims already stored in the same or a newer version. */
  skipped: number;
  pages: number;
}

/**
 * Merges a parsed backup into storage in one transaction: by claim id, the newer `updatedAt` wins; pages keep the
 * earliest first visit and the latest last visit. Either the whole file lands or nothing does.
 */
export async function importEntries(db: ClaimlensDb, entries: readonly BackupEntry[]): Promise<ImportReport> {
  return db.transaction('rw', db.pages, db.claims, db.dismissals, async () => {
    const report: ImportReport = { added: 0, updated: 0, skipped: 0, pages: entries.length };
    const incoming = entries.flatMap((e) => e.claims);
    const existing = await db.claims.bulkGet(incoming.map((c) => c.id));
    const writes: Claim[] = [];
    incoming.forEach((claim, i) => {
      const current = existing[i];
      if (!current) report.added += 1;
      else if (claim.updatedAt > current.updatedAt) report.updated += 1;
      else return void (report.skipped += 1);
      writes.push(claim);
    });
    await db.claims.bulkPut(writes);
    // Dismissals carry no edits: a dismissal known to either side stays dismissed.
    await db.dismissals.bulkPut(entries.flatMap((e) => e.dismissals ?? []));

    // One query for the claims of every touched page (not one per page): counts come from what is now stored.
    const urls = entries.map((e) => e.page.url);
    const [touched, stored] = await Promise.all([db.pages.bulkGet(urls), db.claims.where('pageUrl').anyOf(urls).toArray()]);
    const byPage = Map.groupBy(stored, (c) => c.pageUrl);
    const pages: PageRecord[] = entries.map(({ page }, i) => {
      const current = touched[i];
      const newer = !current || page.lastVisit > current.lastVisit;
      return {
        url: page.url,
        title: newer ? page.title : current.title,
        site: newer ? page.site : current.site,
        firstVisit: Math.min(page.firstVisit, current?.firstVisit ?? Infinity),
        lastVisit: Math.max(page.lastVisit, current?.lastVisit ?? -Infinity),
        counts: countStatuses(byPage.get(page.url) ?? []),
      };
    });
    await db.pages.bulkPut(pages);
    return report;
  });
}

/** Empties the database (pages, claims and dismissals), in one transaction. */
export async function deleteEverything(db: ClaimlensDb): Promise<void> {
  await db.transaction('rw', db.pages, db.claims, db.dismissals, async () => {
    await Promise.all([db.pages.clear(), db.claims.clear(), db.dismissals.clear()]);
  });
}
