import { judgeClaim } from './claims';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../lib/backup/parse';
import { serializeBackup } from '../lib/backup/serialize';
import { samplePages } from '../lib/backup/sample-data';
import { deleteEverything, importEntries, ImportInterrupted, readEverything } from './backup-io';
import { ClaimlensDb } from './db';

let db: ClaimlensDb;
beforeEach(async () => {
  db = new ClaimlensDb(`backup-${crypto.randomUUID()}`);
  await db.open();
});

const parsed = (text: string) => {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.pages;
};

describe('backup and import', () => {
  it('round-trips: backup, wipe, import, backup gives an identical file', async () => {
    const at = new Date('2026-11-28T12:00:00Z');
    await importEntries(db, samplePages(12, 150, 3));
    const first = serializeBackup(await readEverything(db), at);
    await deleteEverything(db);
    expect(await db.claims.count()).toBe(0);
    const report = await importEntries(db, parsed(first));
    expect(report).toMatchObject({ added: 150, updated: 0, skipped: 0 });
    expect(serializeBackup(await readEverything(db), at)).toBe(first);
  });

  it('carries dismissed suggestions through backup and import', async () => {
    const at = new Date('2026-11-28T12:00:00Z');
    const [entry] = samplePages(1, 2, 6);
    await importEntries(db, [entry!]);
    await db.dismissals.bulkPut([
      { id: 'd1', pageUrl: entry!.page.url, exact: 'Not a claim.', createdAt: 5 },
      { id: 'd2', pageUrl: 'https://other.example/only-dismissed', exact: 'Nor this.', createdAt: 6 },
    ]);
    const first = serializeBackup(await readEverything(db), at);
    await deleteEverything(db);
    await importEntries(db, parsed(first));
    expect((await db.dismissals.orderBy('id').toArray()).map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(serializeBackup(await readEverything(db), at)).toBe(first);
  });

  it('merges by claim id: the newer updatedAt wins, older and equal copies are skipped', async () => {
    const [entry] = samplePages(1, 3, 9);
    await importEntries(db, [entry!]);
    const [a, b, c] = entry!.claims;
    const newer = { ...a!, note: 'newer note', updatedAt: a!.updatedAt + 1000 };
    const older = { ...b!, note: 'stale note', updatedAt: b!.updatedAt - 1000 };
    const report = await importEntries(db, [{ page: entry!.page, claims: [newer, older, c!] }]);
    expect(report).toMatchObject({ added: 0, updated: 1, skipped: 2 });
    expect((await db.claims.get(a!.id))?.note).toBe('newer note');
    expect((await db.claims.get(b!.id))?.note).toBe(b!.note);
  });

  it('writes nothing when the import fails part-way', async () => {
    const [entry] = samplePages(1, 5, 2);
    const broken = {
      ...entry!,
      claims: [...entry!.claims, { ...entry!.claims[0]!, id: undefined as unknown as string }],
    };
    await expect(importEntries(db, [broken])).rejects.toThrow();
    expect(await db.claims.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
  });
});

describe('import keeps page counts right', () => {
  it('counts replaced and added claims, including a claim that moved to another page', async () => {
    const [a, b] = samplePages(2, 6, 8);
    await importEntries(db, [a!, b!]);
    const moved = {
      ...a!.claims[0]!,
      pageUrl: b!.page.url,
      status: 'sourced' as const,
      updatedAt: a!.claims[0]!.updatedAt + 1,
    };
    const restated = { ...b!.claims[0]!, status: 'unsourced' as const, updatedAt: b!.claims[0]!.updatedAt + 1 };
    await importEntries(db, [{ page: b!.page, claims: [moved, restated] }]);
    for (const url of [a!.page.url, b!.page.url]) {
      const stored = await db.claims.where('pageUrl').equals(url).toArray();
      const expected = { unreviewed: 0, sourced: 0, unsourced: 0 };
      for (const c of stored) expected[c.status] += 1;
      expect((await db.pages.get(url))?.counts).toEqual(expected);
    }
  });
});

describe('times from a file never run ahead of this clock', () => {
  it('clamps future times on import, and a later local edit wins the next merge', async () => {
    const now = Date.UTC(2024, 6, 1);
    const future = now + 365 * 24 * 3600 * 1000;
    const [entry] = samplePages(1, 1, 4);
    const claim = { ...entry!.claims[0]!, updatedAt: future, createdAt: future };
    const page = { ...entry!.page, firstVisit: future, lastVisit: future };
    const dismissals = [{ id: 'd', pageUrl: page.url, exact: 'x', createdAt: future }];
    await importEntries(db, [{ page, claims: [claim], dismissals }], now);
    expect(await db.claims.get(claim.id)).toMatchObject({ updatedAt: now, createdAt: now });
    expect(await db.pages.get(page.url)).toMatchObject({ firstVisit: now, lastVisit: now });
    expect((await db.dismissals.get('d'))?.createdAt).toBe(now);

    // The reader edits the claim a minute later; a backup made before that edit no longer wins.
    const edited = await judgeClaim(
      db,
      claim,
      { note: 'edited here' },
      { url: page.url, title: page.title, site: page.site },
      now + 60_000,
    );
    expect(edited.updatedAt).toBe(now + 60_000);
    const report = await importEntries(db, [{ page, claims: [{ ...claim, updatedAt: now + 30_000 }] }], now + 120_000);
    expect(report).toMatchObject({ updated: 0, skipped: 1 });
    expect((await db.claims.get(claim.id))?.note).toBe('edited here');
  });

  it('a local edit is newer than a stored time ahead of the clock (stored before the clamp)', async () => {
    const [entry] = samplePages(1, 1, 5);
    const stored = { ...entry!.claims[0]!, updatedAt: 5_000_000 };
    await db.claims.put(stored);
    const info = { url: entry!.page.url, title: entry!.page.title, site: entry!.page.site };
    const edited = await judgeClaim(db, stored, { status: 'sourced' }, info, 1_000);
    expect(edited.updatedAt).toBe(5_000_001);
  });
});

describe('import in chunks', () => {
  const countsOf = async (url: string) => {
    const expected = { unreviewed: 0, sourced: 0, unsourced: 0 };
    for (const c of await db.claims.where('pageUrl').equals(url).toArray()) expected[c.status] += 1;
    return expected;
  };

  it('reports each chunk as it lands, a page larger than a chunk included', async () => {
    const entries = samplePages(2, 7, 3); // 4 and 3 claims
    const progress: [number, number][] = [];
    const report = await importEntries(db, entries, Date.now(), {
      chunkClaims: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(report).toEqual({ added: 7, updated: 0, skipped: 0, pages: 2 });
    for (const { page } of entries) expect((await db.pages.get(page.url))?.counts).toEqual(await countsOf(page.url));
  });

  it('a failure after the first chunk keeps what landed, with its page counts right, and says how far it got', async () => {
    const [entry] = samplePages(1, 6, 4);
    const broken = {
      ...entry!,
      claims: entry!.claims.map((c, i) => (i === 4 ? { ...c, id: undefined as unknown as string } : c)),
    };
    const error = await importEntries(db, [broken], Date.now(), { chunkClaims: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterrupted);
    expect(error).toMatchObject({ done: 4, total: 6 });
    expect(await db.claims.count()).toBe(4);
    expect((await db.pages.get(entry!.page.url))?.counts).toEqual(await countsOf(entry!.page.url));
  });

  it('a claim judged while the import runs keeps the newer judgement', async () => {
    const [entry] = samplePages(1, 4, 5);
    const late = entry!.claims[3]!;
    const info = { url: entry!.page.url, title: entry!.page.title, site: entry!.page.site };
    let judged: Promise<unknown> | undefined;
    const report = await importEntries(db, [entry!], Date.now(), {
      chunkClaims: 2,
      onProgress: (done) => {
        if (done === 2) judged = judgeClaim(db, late, { note: 'judged during the import' }, info, late.updatedAt + 1);
      },
    });
    await judged;
    expect(report).toMatchObject({ added: 3, skipped: 1 });
    expect((await db.claims.get(late.id))?.note).toBe('judged during the import');
    expect((await db.pages.get(info.url))?.counts).toEqual(await countsOf(info.url));
  });
});
