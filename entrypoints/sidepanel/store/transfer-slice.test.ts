import { beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePages } from '@/lib/backup/sample-data';
import { importEntries } from '@/storage/backup-io';
import { ClaimlensDb } from '@/storage/db';
import { createPanelStore } from './panel-store';
import { serializeBackup } from '@/lib/backup/serialize';
import { importBackupFile, type BackupImporter } from '@/storage/import-file';

const createTransferStore = (db: ClaimlensDb, importBackup?: BackupImporter) =>
  createPanelStore({
    db,
    getPageState: async () => {
      throw new Error('no page');
    },
    showClaim: async () => false,
    refreshTab: async () => undefined,
    ...(importBackup ? { importBackup } : {}),
  });

let db: ClaimlensDb;
beforeEach(async () => {
  db = new ClaimlensDb(`transfer-${crypto.randomUUID()}`);
  await db.open();
});

const file = (text: string) => new Blob([text], { type: 'application/json' });

describe('backup and import from the panel', () => {
  it('backs up everything and imports it into another profile, reporting what it did', async () => {
    await importEntries(db, samplePages(3, 10, 4));
    const text = await createTransferStore(db).getState().backUp(new Date('2026-11-28T00:00:00Z'));
    expect(text).toContain('"format": "claimlens-backup"');

    const other = new ClaimlensDb(`transfer-${crypto.randomUUID()}`);
    const store = createTransferStore(other);
    await store.getState().importFile(file(text!));
    expect(store.getState().transferNotice).toEqual({
      kind: 'done',
      message: 'Imported 3 pages: 10 added, 0 updated, 0 already up to date.',
    });
    expect(await other.claims.count()).toBe(10);
  });

  it.each([
    ['', /empty/],
    ['{"format": "claimlens-backup", "version": 1, "pages": [', /truncated|cut short|end/i],
    ['{"format": "something-else", "version": 1, "pages": []}', /not a Claimlens backup|format/i],
    ['{"format": "claimlens-backup", "version": 2, "exportedAt": "2030-01-01T00:00:00Z", "pages": []}', /newer/],
  ])('refuses a bad file with a message and changes nothing (%#)', async (text, message) => {
    await importEntries(db, samplePages(1, 2, 5));
    const store = createTransferStore(db);
    await store.getState().importFile(file(text));
    const state = store.getState().transferNotice;
    expect(state?.kind).toBe('error');
    expect(state?.message).toMatch(message);
    expect(await db.claims.count()).toBe(2);
  });
});

describe('import progress', () => {
  it('says what the import is doing, chunk by chunk, then what it did', async () => {
    const text = serializeBackup(samplePages(2, 5, 4), new Date('2026-11-28T00:00:00Z'));
    const inChunksOfTwo: BackupImporter = async (target, blob, onStep) =>
      importBackupFile(target, new Uint8Array(await blob.arrayBuffer()), { chunkClaims: 2, onStep });
    const store = createTransferStore(db, inChunksOfTwo);
    const shown: string[] = [];
    store.subscribe(({ transferNotice: transfer }) => {
      if (transfer && transfer.message !== shown[shown.length - 1]) shown.push(transfer.message);
    });
    await store.getState().importFile(file(text));
    expect(shown).toEqual([
      'Reading the backup…',
      'Importing… 0 of 5 claims',
      'Importing… 2 of 5 claims',
      'Importing… 4 of 5 claims',
      'Importing… 5 of 5 claims',
      'Imported 2 pages: 5 added, 0 updated, 0 already up to date.',
    ]);
  });

  it('says how far an import got when it stopped, and that what landed is kept', async () => {
    const store = createTransferStore(db, async () => ({
      kind: 'failed',
      error: 'the disk is full',
      done: 40_000,
      total: 100_000,
    }));
    await store.getState().importFile(file('{}'));
    expect(store.getState().transferNotice).toEqual({
      kind: 'error',
      message:
        'The import stopped after 40,000 of 100,000 claims: the disk is full. The claims imported before are kept;' +
        ' import the same file again to add the rest.',
    });
  });
});

describe('the Library during an import', () => {
  it('stops watching the pages while the import writes, and shows them all once it is done', async () => {
    const text = serializeBackup(samplePages(3, 6, 4), new Date('2026-11-28T00:00:00Z'));
    const store = createTransferStore(db);
    store.getState().setView('library');
    await store.getState().importFile(file(text));
    expect(store.getState().transferNotice?.kind).toBe('done');
    await vi.waitFor(() => expect(store.getState().libraryPages).toHaveLength(3));
    store.getState().dispose();
  });
});
