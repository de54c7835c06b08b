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

/** Imports the data with the product's import (timed), then times the queries. */
export async function storageWorkload(pageCount: number, claimCount: number): Promise<StorageFigures> {
  const entries = samplePages(pageCount, claimCount, 11);
  const db = new ClaimlensDb(`bench-${Date.now()}`);
  await db.open();
  await deleteEverything(db);
  const [, importMs] = await time(() => importEntries(db, entries));
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
