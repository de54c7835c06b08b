import type { BackupEntry } from '../lib/backup/format';
import type { ClaimlensDb } from './db';
import type { Claim, Dismissal, PageRecord, StatusCounts } from '../lib/model';

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
 * A file's times, none later than now: a time in the future (a wrong clock, an edited file) would otherwise win every
 * later merge, and local edits made after the import would look older than it.
 */
export function clampEntries(entries: readonly BackupEntry[], now: number): BackupEntry[] {
  const at = (time: number) => Math.min(time, now);
  return entries.map((entry) => ({
    ...entry,
    page: { ...entry.page, firstVisit: at(entry.page.firstVisit), lastVisit: at(entry.page.lastVisit) },
    claims: entry.claims.map((c) => ({ ...c, createdAt: at(c.createdAt), updatedAt: at(c.updatedAt) })),
    ...(entry.dismissals ? { dismissals: entry.dismissals.map((d) => ({ ...d, createdAt: at(d.createdAt) })) } : {}),
  }));
}

/**
 * Merges a parsed backup into storage in one transaction: by claim id, the newer `updatedAt` wins; pages keep the
 * earliest first visit and the latest last visit. Times later than `now` count as `now`. Either the whole file lands
 * or nothing does.
 */
export async function importEntries(
  db: ClaimlensDb,
  fileEntries: readonly BackupEntry[],
  now = Date.now(),
): Promise<ImportReport> {
  const entries = clampEntries(fileEntries, now);
  return db.transaction('rw', db.pages, db.claims, db.dismissals, async () => {
    const report: ImportReport = { added: 0, updated: 0, skipped: 0, pages: entries.length };
    const incoming = entries.flatMap((e) => e.claims);
    const existing = await db.claims.bulkGet(incoming.map((c) => c.id));
    const writes: Claim[] = [];
    // Counts change by what is replaced and what is written: no need to read every claim of the touched pages back.
    const delta = new Map<string, StatusCounts>();
    const bump = (url: string, status: Claim['status'], by: number) => {
      const counts = delta.get(url) ?? { unreviewed: 0, sourced: 0, unsourced: 0 };
      counts[status] += by;
      delta.set(url, counts);
    };
    incoming.forEach((claim, i) => {
      const current = existing[i];
      if (!current) report.added += 1;
      else if (claim.updatedAt > current.updatedAt) report.updated += 1;
      else return void (report.skipped += 1);
      if (current) bump(current.pageUrl, current.status, -1);
      bump(claim.pageUrl, claim.status, +1);
      writes.push(claim);
    });
    await db.claims.bulkPut(writes);
    // Dismissals carry no edits: a dismissal known to either side stays dismissed.
    await db.dismissals.bulkPut(entries.flatMap((e) => e.dismissals ?? []));

    const incomingPages = new Map(entries.map((e) => [e.page.url, e.page]));
    const urls = [...new Set([...incomingPages.keys(), ...delta.keys()])];
    const touched = await db.pages.bulkGet(urls);
    const pages: PageRecord[] = urls.flatMap((url, i) => {
      const current = touched[i];
      const page = incomingPages.get(url);
      const counts = addCounts(current?.counts, delta.get(url));
      if (!page) return current ? [{ ...current, counts }] : [];
      const newer = !current || page.lastVisit > current.lastVisit;
      return [{
        url,
        title: newer ? page.title : current.title,
        site: newer ? page.site : current.site,
        firstVisit: Math.min(page.firstVisit, current?.firstVisit ?? Infinity),
        lastVisit: Math.max(page.lastVisit, current?.lastVisit ?? -Infinity),
        counts,
      }];
    });
    await db.pages.bulkPut(pages);
    return report;
  });
}

function addCounts(base: StatusCounts | undefined, delta: StatusCounts | undefined): StatusCounts {
  const zero = { unreviewed: 0, sourced: 0, unsourced: 0 };
  const a = base ?? zero;
  const b = delta ?? zero;
  return { unreviewed: a.unreviewed + b.unreviewed, sourced: a.sourced + b.sourced, unsourced: a.unsourced + b.unsourced };
}

/** Empties the database (pages, claims and dismissals), in one transaction. */
export async function deleteEverything(db: ClaimlensDb): Promise<void> {
  await db.transaction('rw', db.pages, db.claims, db.dismissals, async () => {
    await Promise.all([db.pages.clear(), db.claims.clear(), db.dismissals.clear()]);
  });
}
