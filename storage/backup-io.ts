import type { BackupEntry } from '../lib/backup/format';
import { SEGMENT_CLAIMS, type ClaimlensDb } from './db';
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
    const byTime = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
      a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
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
    url,
    title: url,
    site: new URL(url).hostname,
    firstVisit: Math.min(...times),
    lastVisit: Math.max(...times),
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
    page: {
      ...entry.page,
      firstVisit: at(entry.page.firstVisit),
      lastVisit: at(entry.page.lastVisit),
      ...(entry.page.verdictUpdatedAt === undefined ? {} : { verdictUpdatedAt: at(entry.page.verdictUpdatedAt) }),
    },
    claims: entry.claims.map((c) => ({ ...c, createdAt: at(c.createdAt), updatedAt: at(c.updatedAt) })),
    ...(entry.dismissals ? { dismissals: entry.dismissals.map((d) => ({ ...d, createdAt: at(d.createdAt) })) } : {}),
  }));
}

/** Claims per write transaction of an import: also the size of the search index segment each one adds. */
export const IMPORT_CHUNK_CLAIMS = SEGMENT_CLAIMS;

export interface ImportOptions {
  /** Claims written per transaction; 10,000 when absent. */
  chunkClaims?: number;
  /** Called after each transaction lands, with the claims of the file written or skipped so far. */
  onProgress?(done: number, total: number): void;
}

/** An import that failed after some of its transactions landed: those stay, and importing the file again adds the rest. */
export class ImportInterrupted extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ImportInterrupted';
  }
}

/**
 * Merges a parsed backup into storage: by claim id, the newer `updatedAt` wins; pages keep the earliest first visit and
 * the latest last visit, and the newer verdict (by `verdictUpdatedAt`); times later than `now` count as `now`. Written in transactions of `chunkClaims` claims, each
 * with the page records it changes, so every transaction leaves the counts right and other writers (the reader judging
 * a claim meanwhile) wait for one chunk at most. A failure in the first transaction writes nothing; a later one throws
 * ImportInterrupted, and what landed before it stays (each claim written is a finished merge).
 */
export async function importEntries(
  db: ClaimlensDb,
  fileEntries: readonly BackupEntry[],
  now = Date.now(),
  { chunkClaims = IMPORT_CHUNK_CLAIMS, onProgress }: ImportOptions = {},
): Promise<ImportReport> {
  const entries = clampEntries(fileEntries, now);
  const total = entries.reduce((n, e) => n + e.claims.length, 0);
  const report: ImportReport = { added: 0, updated: 0, skipped: 0, pages: entries.length };
  let known: StoredKeys | undefined;
  let done = 0;
  for (const chunk of chunksOf(entries, chunkClaims)) {
    try {
      const counts = await db.transaction('rw', [db.pages, db.claims, db.dismissals, db.searchIndex], async () => {
        known = await storedKeys(db, known);
        return writeChunk(db, chunk, known);
      });
      report.added += counts.added;
      report.updated += counts.updated;
      report.skipped += counts.skipped;
    } catch (error) {
      if (done === 0) throw error;
      throw new ImportInterrupted(done, total, error);
    }
    done += chunk.reduce((n, part) => n + part.claims.length, 0);
    onProgress?.(done, total);
  }
  return report;
}

/** Part of a page's entry: a page with more claims than a chunk holds is written over several. */
interface ChunkPart {
  entry: BackupEntry;
  claims: Claim[];
  first: boolean;
}

function chunksOf(entries: readonly BackupEntry[], size: number): ChunkPart[][] {
  const chunks: ChunkPart[][] = [];
  let chunk: ChunkPart[] = [];
  let count = 0;
  for (const entry of entries) {
    let from = 0;
    do {
      const take = Math.min(entry.claims.length - from, size - count);
      chunk.push({ entry, claims: entry.claims.slice(from, from + take), first: from === 0 });
      from += take;
      count += take;
      if (count >= size) {
        chunks.push(chunk);
        chunk = [];
        count = 0;
      }
    } while (from < entry.claims.length);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Which claims and pages are stored. Only those are read before merging: in Chromium every read costs a round trip
 * (reading 100,000 claims one by one took 4 s of the 33 s import), and a fresh import collides with nothing. Read
 * again when another writer changed claims or added pages since the last chunk: every write to claims adds a search
 * index segment, so the index's last key changes with it; a page verdict can add a page without a claim, which the
 * count of pages shows (pages are only ever removed all at once).
 */
interface StoredKeys {
  claims: Set<string>;
  pages: Set<string>;
  /** The search index's last key and the number of pages when these were read or last written. */
  version: string;
}

async function storedVersion(db: ClaimlensDb): Promise<string> {
  const [segment, pages] = await Promise.all([db.searchIndex.orderBy(':id').lastKey(), db.pages.count()]);
  return `${String(segment)}/${pages}`;
}

async function storedKeys(db: ClaimlensDb, known: StoredKeys | undefined): Promise<StoredKeys> {
  const version = await storedVersion(db);
  if (known && known.version === version) return known;
  const [claims, pages] = await Promise.all([
    db.claims.toCollection().primaryKeys(),
    db.pages.toCollection().primaryKeys(),
  ]);
  return { claims: new Set(claims), pages: new Set(pages), version };
}

/** One transaction's merge; `known` is updated with what it writes. */
async function writeChunk(
  db: ClaimlensDb,
  chunk: readonly ChunkPart[],
  known: StoredKeys,
): Promise<Omit<ImportReport, 'pages'>> {
  const counts = { added: 0, updated: 0, skipped: 0 };
  const incoming = chunk.flatMap((part) => part.claims);
  const stored = new Map<string, Claim>();
  for (const claim of await db.claims.bulkGet(incoming.filter((c) => known.claims.has(c.id)).map((c) => c.id))) {
    if (claim) stored.set(claim.id, claim);
  }
  const writes: Claim[] = [];
  // Counts change by what is replaced and what is written: no need to read every claim of the touched pages back.
  const delta = new Map<string, StatusCounts>();
  const bump = (url: string, status: Claim['status'], by: number) => {
    const counts = delta.get(url) ?? { unreviewed: 0, sourced: 0, unsourced: 0 };
    counts[status] += by;
    delta.set(url, counts);
  };
  for (const claim of incoming) {
    const current = stored.get(claim.id);
    if (!current) counts.added += 1;
    else if (claim.updatedAt > current.updatedAt) counts.updated += 1;
    else {
      counts.skipped += 1;
      continue;
    }
    if (current) bump(current.pageUrl, current.status, -1);
    bump(claim.pageUrl, claim.status, +1);
    writes.push(claim);
  }
  await db.claims.bulkPut(writes);
  // Dismissals carry no edits: a dismissal known to either side stays dismissed.
  await db.dismissals.bulkPut(chunk.flatMap((part) => (part.first ? (part.entry.dismissals ?? []) : [])));

  const incomingPages = new Map(chunk.map((part) => [part.entry.page.url, part.entry.page]));
  const urls = [...new Set([...incomingPages.keys(), ...delta.keys()])];
  const touched = new Map<string, PageRecord>();
  for (const page of await db.pages.bulkGet(urls.filter((url) => known.pages.has(url)))) {
    if (page) touched.set(page.url, page);
  }
  const pages: PageRecord[] = urls.flatMap((url) => {
    const current = touched.get(url);
    const page = incomingPages.get(url);
    const counts = addCounts(current?.counts, delta.get(url));
    if (!page) return current ? [{ ...current, counts }] : [];
    const newer = !current || page.lastVisit > current.lastVisit;
    return [
      {
        url,
        title: newer ? page.title : current.title,
        site: newer ? page.site : current.site,
        firstVisit: Math.min(page.firstVisit, current?.firstVisit ?? Infinity),
        lastVisit: Math.max(page.lastVisit, current?.lastVisit ?? -Infinity),
        counts,
        ...newerVerdict(current, page),
      },
    ];
  });
  await db.pages.bulkPut(pages);
  for (const claim of writes) known.claims.add(claim.id);
  for (const page of pages) known.pages.add(page.url);
  known.version = await storedVersion(db);
  return counts;
}

/** The verdict fields of whichever side changed its verdict last; the stored side when neither is newer. */
function newerVerdict(current: PageRecord | undefined, incoming: PageRecord): Partial<PageRecord> {
  const time = (page: PageRecord | undefined) => page?.verdictUpdatedAt ?? Number.NEGATIVE_INFINITY;
  const winner = time(incoming) > time(current) ? incoming : current;
  if (winner?.verdictUpdatedAt === undefined) return {};
  const { verdict, verdictUpdatedAt } = winner;
  return verdict === undefined ? { verdictUpdatedAt } : { verdict, verdictUpdatedAt };
}

function addCounts(base: StatusCounts | undefined, delta: StatusCounts | undefined): StatusCounts {
  const zero = { unreviewed: 0, sourced: 0, unsourced: 0 };
  const a = base ?? zero;
  const b = delta ?? zero;
  return {
    unreviewed: a.unreviewed + b.unreviewed,
    sourced: a.sourced + b.sourced,
    unsourced: a.unsourced + b.unsourced,
  };
}

/** Empties the database (pages, claims and dismissals), in one transaction. */
export async function deleteEverything(db: ClaimlensDb): Promise<void> {
  await db.transaction('rw', db.pages, db.claims, db.dismissals, async () => {
    await Promise.all([db.pages.clear(), db.claims.clear(), db.dismissals.clear()]);
  });
}
