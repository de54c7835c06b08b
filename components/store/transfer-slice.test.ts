import { beforeEach, describe, expect, it } from 'vitest';
import { samplePages } from '../../lib/backup/sample-data';
import { importEntries } from '../../storage/backup-io';
import { ClaimlensDb } from '../../storage/db';
import { createPanelStore } from '../panel-store';

const createTransferStore = (db: ClaimlensDb) =>
  createPanelStore({ db, getPageState: async () => { throw new Error('no page'); }, showClaim: async () => false, refreshTab: async () => undefined });

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
    expect(store.getState().transfer).toEqual({
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
    const state = store.getState().transfer;
    expect(state.kind).toBe('error');
    expect(state.kind === 'error' && state.message).toMatch(message);
    expect(await db.claims.count()).toBe(2);
  });
});
