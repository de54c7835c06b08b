// The storage workload, shared by the Node run (fake-indexeddb) and the browser run (real IndexedDB in Chromium):
// the same code on the same data, so the two columns compare engines, not programs.
import { serializeBackup } from '../lib/backup/serialize';
import { samplePages } from '../lib/backup/sample-data';
import { deleteEverything, readEverything } from '../storage/backup-io';
import { claimsOfPage } from '../storage/claims';
import { ClaimlensDb } from '../storage/db';
import { importBackupFile } from '../storage/import-file';
import { SEARCH_LIMIT, searchClaims } from '../storage/search';

export interface StorageFigures {
  claims: number;
  pages: number;
  fileBytes: number;
  /** Reading and checking the file, then writing it (the import the panel's worker runs). */
  readMs: number;
  writeMs: number;
  progressSteps: number;
  pageQueryMs: number;
  unsourcedMs: number;
  unsourcedCount: number;
  /** The Library's search (newest 200 hits), one run per query. */
  searches: { query: string; ms: number; hits: number }[];
  backupMs: number;
  backupBytes: number;
}

/** Library searches: two common words, a prefix, a phrase, a word that is nowhere. */
export const SEARCH_QUERIES = ['unemployment billion', 'infl', 'the minister said', 'report according to', 'zebra'];

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

/** Imports a backup file of the data with the product's import (timed), then times the queries. */
export async function storageWorkload(pageCount: number, claimCount: number): Promise<StorageFigures> {
  const entries = samplePages(pageCount, claimCount, 11);
  const probes = Array.from({ length: 20 }, (_, i) => entries[(i * 7919) % entries.length]!.page.url);
  const bytes = new TextEncoder().encode(serializeBackup(entries, new Date()));
  entries.length = 0;
  const db = new ClaimlensDb(`bench-${Date.now()}`);
  await db.open();
  await deleteEverything(db);

  let parsed = 0;
  let progressSteps = 0;
  const started = performance.now();
  const outcome = await importBackupFile(db, bytes, {
    onStep: (step) => {
      if (step.step !== 'writing') return;
      if (step.done === 0) parsed = performance.now();
      else progressSteps += 1;
    },
  });
  const finished = performance.now();
  if (outcome.kind !== 'imported') throw new Error(`import failed: ${outcome.error}`);

  const [, pageTotal] = await time(async () => {
    for (const url of probes) await claimsOfPage(db, url);
  });
  // The status index, read directly: no panel view lists one status across every page today.
  const [unsourced, unsourcedMs] = await time(() => db.claims.where('status').equals('unsourced').toArray());
  const searches: StorageFigures['searches'] = [];
  for (const query of SEARCH_QUERIES) {
    const [hits, ms] = await time(() => searchClaims(db, query, SEARCH_LIMIT));
    searches.push({ query, ms, hits: hits.length });
  }
  const [backup, backupMs] = await time(async () => serializeBackup(await readEverything(db), new Date()));
  await db.delete();
  return {
    claims: claimCount,
    pages: pageCount,
    fileBytes: bytes.length,
    readMs: parsed - started,
    writeMs: finished - parsed,
    progressSteps,
    pageQueryMs: pageTotal / probes.length,
    unsourcedMs,
    unsourcedCount: unsourced.length,
    searches,
    backupMs,
    backupBytes: backup.length,
  };
}
