import { beforeEach, describe, expect, it } from 'vitest';
import { samplePages } from '../lib/backup/sample-data';
import { serializeBackup } from '../lib/backup/serialize';
import { ClaimlensDb } from './db';
import { importBackupFile, type ImportStep } from './import-file';
import { searchClaims } from './search';

let db: ClaimlensDb;
beforeEach(async () => {
  db = new ClaimlensDb(`import-file-${crypto.randomUUID()}`);
  await db.open();
});

const bytesOf = (text: string) => new TextEncoder().encode(text);
const backup = (pages: number, claims: number) =>
  bytesOf(serializeBackup(samplePages(pages, claims, 7), new Date('2026-11-28T00:00:00Z')));

describe('importing a backup file', () => {
  it('reads the whole file first, then writes it in chunks, reporting each one', async () => {
    const steps: ImportStep[] = [];
    const outcome = await importBackupFile(db, backup(3, 10), { chunkClaims: 4, onStep: (step) => steps.push(step) });
    expect(outcome).toEqual({ kind: 'imported', report: { added: 10, updated: 0, skipped: 0, pages: 3 } });
    expect(steps).toEqual([
      { step: 'reading' },
      { step: 'writing', done: 0, total: 10 },
      { step: 'writing', done: 4, total: 10 },
      { step: 'writing', done: 8, total: 10 },
      { step: 'writing', done: 10, total: 10 },
    ]);
    expect(await db.claims.count()).toBe(10);
    // Each chunk adds its search index segment: the claims are found by their words at once.
    expect(await db.searchIndex.count()).toBe(3);
    expect((await searchClaims(db, 'the')).length).toBeGreaterThan(0);
  });

  it('refuses a file over the claim limit before writing anything, and says why', async () => {
    const steps: ImportStep[] = [];
    const outcome = await importBackupFile(db, backup(2, 6), { maxClaims: 5, onStep: (step) => steps.push(step) });
    expect(outcome).toEqual({
      kind: 'refused',
      error: 'The file holds 6 claims, more than the 5 one import takes. Import a backup of fewer claims.',
    });
    expect(steps).toEqual([{ step: 'reading' }]);
    expect(await db.claims.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);
  });

  it('refuses a damaged file with the line and column, and writes nothing', async () => {
    const text = serializeBackup(samplePages(2, 6, 7), new Date());
    const outcome = await importBackupFile(db, bytesOf(text.replace('"claims": [', '"claims": [,')));
    expect(outcome).toMatchObject({
      kind: 'refused',
      error: expect.stringMatching(/not valid JSON at line \d+, column \d+/),
    });
    expect(await db.claims.count()).toBe(0);
  });
});
