// The storage workload, shared by the Node run (fake-indexeddb) and the browser run (real IndexedDB in Chromium):
// the same code on the same data, so the two columns compare engines, not programs.
import { serializeBackup } from '../lib/backup/serialize';
import { samplePages } from '../lib/backup/sample-data';
import { deleteEverything, importEntries, readEverything } from '../storage/backup-io';
import { claimsOfPage } from '../storage/claims';
import { ClaimlensDb } from '../storage/db';
import { claimsWithStatus, searchClaims } from '../storage/search';

export interface StorageFigures {
  claims: number;
  pages: number;
  /** How the data went in: `importEntries` (the product's import, timed) or `bulkPut` (a plain load, see below). */
  loadedWith: 'importEntries' | 'bulkPut';
  importMs: number;
  pageQueryMs: number;
  unsourcedMs: number;
  unsourcedCount: number;
  searchMs: number;
  searchHits: number;
  backupMs: number;
  backupBytes: number;
}

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

/**
 * Loads the data, then times the queries. `loadWith: 'bulkPut'` writes the same pages and claims with two bulkPut
 * calls in one transaction instead of `importEntries`, for an engine where the product's import is too slow to wait
 * for (fake-indexeddb: its cursors, which Dexie's `anyOf()` steps through, cost milliseconds per record).
 */
export async function storageWorkload(
  pageCount: number,
  claimCount: number,
  loadWith: StorageFigures['loadedWith'] = 'importEntries',
): Promise<StorageFigures> {
  const entries = samplePages(pageCount, claimCount, 11);
  const db = new ClaimlensDb(`bench-${Date.now()}`);
  await db.open();
  await deleteEverything(db);
  const [, importMs] = await time(async (): Promise<unknown> =>
    loadWith === 'importEntries'
      ? importEntries(db, entries)
      : db.transaction('rw', db.pages, db.claims, async () => {
          await db.claims.bulkPut(entries.flatMap((e) => e.claims));
          await db.pages.bulkPut(entries.map((e) => e.page));
        }),
  );
  const probes = Array.from({ length: 20 }, (_, i) => entries[(i * 7919) % entries.length]!.page.url);
  const [, pageTotal] = await time(async () => {
    for (const url of probes) await claimsOfPage(db, url);
  });
  const [unsourced, unsourcedMs] = await time(() => claimsWithStatus(db, 'unsourced'));
  const [hits, searchMs] = await time(() => searchClaims(db, 'unemployment billion'));
  const [backup, backupMs] = await time(async () => serializeBackup(await readEverything(db), new Date()));
  await db.delete();
  return {
    claims: claimCount,
    pages: pageCount,
    loadedWith: loadWith,
    importMs,
    pageQueryMs: pageTotal / probes.length,
    unsourcedMs,
    unsourcedCount: unsourced.length,
    searchMs,
    searchHits: hits.length,
    backupMs,
    backupBytes: backup.length,
  };
}

/** The product's import alone into an empty database, in ms (the scaling rows and the budgeted full-size run). */
export async function importOnly(pageCount: number, claimCount: number): Promise<number> {
  const entries = samplePages(pageCount, claimCount, 11);
  const db = new ClaimlensDb(`bench-import-${Date.now()}-${Math.random()}`);
  await db.open();
  const started = performance.now();
  await importEntries(db, entries);
  const elapsed = performance.now() - started;
  await db.delete();
  return elapsed;
}
