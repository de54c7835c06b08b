import { beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../lib/backup/parse';
import { sampleClaim, samplePages } from '../lib/backup/sample-data';
import { serializeBackup } from '../lib/backup/serialize';
import { MAX_VERDICT_LENGTH, type Claim, type PageRecord } from '../lib/model';
import { deleteEverything, importEntries, readEverything } from './backup-io';
import { judgeClaim, saveClaim } from './claims';
import { ClaimlensDb } from './db';
import { pagesByLastVisit } from './pages';
import { setPageVerdict } from './verdict';

const page = { url: 'https://news.example/a', title: 'A story', site: 'Example News' };

const claim = (id: string, overrides: Partial<Claim> = {}): Claim =>
  sampleClaim({ id, pageUrl: page.url, status: 'unreviewed', createdAt: 1, updatedAt: 1, ...overrides });

const record = (overrides: Partial<PageRecord> = {}): PageRecord => ({
  ...page,
  firstVisit: 100,
  lastVisit: 200,
  counts: { unreviewed: 0, sourced: 0, unsourced: 0 },
  ...overrides,
});

let db: ClaimlensDb;
beforeEach(async () => {
  db = new ClaimlensDb(`verdict-${crypto.randomUUID()}`);
  await db.open();
});

describe('setPageVerdict', () => {
  it('creates the page record when there is none: no claims, visited now', async () => {
    await setPageVerdict(db, page, 'Mostly sourced; one figure is wrong.', 50);
    expect(await db.pages.get(page.url)).toEqual(
      record({ firstVisit: 50, lastVisit: 50, verdict: 'Mostly sourced; one figure is wrong.', verdictUpdatedAt: 50 }),
    );
  });

  it('changes only the verdict and its time on a page already stored', async () => {
    await saveClaim(db, claim('1', { status: 'sourced' }), page, 10);
    await setPageVerdict(db, { ...page, title: 'Another title' }, 'Fine.', 60);
    const counts = { unreviewed: 0, sourced: 1, unsourced: 0 };
    expect(await db.pages.get(page.url)).toEqual(
      record({ firstVisit: 10, lastVisit: 10, counts, verdict: 'Fine.', verdictUpdatedAt: 60 }),
    );
  });

  it('clears the verdict on blanks but keeps its time, and writes nothing for a page without a record', async () => {
    await setPageVerdict(db, page, 'Fine.', 60);
    await setPageVerdict(db, page, '  \n', 70);
    const cleared = await db.pages.get(page.url);
    expect(cleared).not.toHaveProperty('verdict');
    expect(cleared?.verdictUpdatedAt).toBe(70);
    await setPageVerdict(db, { ...page, url: 'https://news.example/b' }, '', 80);
    expect(await db.pages.get('https://news.example/b')).toBeUndefined();
  });

  it('stamps a change after the time it replaces, even when that time is ahead of this clock', async () => {
    await db.pages.put(record({ verdict: 'From a fast clock', verdictUpdatedAt: 10_000 }));
    expect((await setPageVerdict(db, page, 'Mine', 500))?.verdictUpdatedAt).toBe(10_001);
  });

  it('leaves the page alone when the change says so, or when nothing changes', async () => {
    await setPageVerdict(db, page, 'Fine.', 60);
    await setPageVerdict(db, page, () => null, 70);
    await setPageVerdict(db, page, 'Fine.', 80);
    expect((await db.pages.get(page.url))?.verdictUpdatedAt).toBe(60);
  });

  it('refuses a verdict longer than the limit, writing nothing', async () => {
    await expect(setPageVerdict(db, page, 'x'.repeat(MAX_VERDICT_LENGTH + 1), 60)).rejects.toThrow(/longer than/);
    expect(await db.pages.count()).toBe(0);
  });
});

describe('the verdict beside claims', () => {
  it('is kept when claims are saved, judged and deleted', async () => {
    await setPageVerdict(db, page, 'Fine.', 5);
    await saveClaim(db, claim('1'), page, 10);
    await judgeClaim(db, claim('1'), { status: 'unsourced' }, page, 20);
    expect(await db.pages.get(page.url)).toMatchObject({
      verdict: 'Fine.',
      verdictUpdatedAt: 5,
      firstVisit: 5,
      lastVisit: 20,
      counts: { unreviewed: 0, sourced: 0, unsourced: 1 },
    });
  });

  it('makes a page the Library lists, even with no claim', async () => {
    await saveClaim(
      db,
      claim('1', { pageUrl: 'https://news.example/old' }),
      { ...page, url: 'https://news.example/old' },
      10,
    );
    await setPageVerdict(db, page, 'Only a verdict here.', 20);
    expect((await pagesByLastVisit(db)).map((p) => p.url)).toEqual([page.url, 'https://news.example/old']);
  });
});

describe('the verdict in backups', () => {
  const parsed = (text: string) => {
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.error);
    return result.pages;
  };
  const at = new Date('2026-11-28T12:00:00Z');

  it('survives backup, wipe and import on a page whose only content is the verdict', async () => {
    await setPageVerdict(db, page, 'Only a verdict here.', 20);
    const first = serializeBackup(await readEverything(db), at);
    await deleteEverything(db);
    await importEntries(db, parsed(first), at.getTime());
    expect(await db.pages.get(page.url)).toMatchObject({ verdict: 'Only a verdict here.', verdictUpdatedAt: 20 });
    expect(serializeBackup(await readEverything(db), at)).toBe(first);
  });

  it('merges newest-wins by verdictUpdatedAt, whichever side has it', async () => {
    await db.pages.put(record({ verdict: 'Stored', verdictUpdatedAt: 50 }));
    await importEntries(db, [
      { page: record({ verdict: 'Older file', verdictUpdatedAt: 40, lastVisit: 900 }), claims: [] },
    ]);
    expect(await db.pages.get(page.url)).toMatchObject({ verdict: 'Stored', verdictUpdatedAt: 50, lastVisit: 900 });
    await importEntries(db, [{ page: record({ verdict: 'Newer file', verdictUpdatedAt: 60 }), claims: [] }]);
    expect(await db.pages.get(page.url)).toMatchObject({ verdict: 'Newer file', verdictUpdatedAt: 60 });
    await importEntries(db, [{ page: record(), claims: [] }]);
    expect(await db.pages.get(page.url)).toMatchObject({ verdict: 'Newer file', verdictUpdatedAt: 60 });
  });

  it('keeps a newer clearing: an older verdict from a file does not come back', async () => {
    await setPageVerdict(db, page, 'Mine', 50);
    await setPageVerdict(db, page, '', 60);
    await importEntries(db, [{ page: record({ verdict: 'Older file', verdictUpdatedAt: 55 }), claims: [] }]);
    const stored = await db.pages.get(page.url);
    expect(stored).not.toHaveProperty('verdict');
    expect(stored?.verdictUpdatedAt).toBe(60);
  });

  it('counts a verdict time from the future as the time of the import', async () => {
    await importEntries(db, [{ page: record({ verdict: 'Fast clock', verdictUpdatedAt: 10_000 }), claims: [] }], 500);
    expect((await db.pages.get(page.url))?.verdictUpdatedAt).toBe(500);
  });

  it('keeps a verdict typed on a new page while an import runs, when the file brings that page later', async () => {
    const [first, second] = samplePages(2, 4, 5);
    const typedOn = { url: second!.page.url, title: second!.page.title, site: second!.page.site };
    const typing: Promise<unknown>[] = [];
    await importEntries(db, [first!, second!], Date.now(), {
      chunkClaims: 1,
      onProgress: (done) => {
        if (done === 1) typing.push(setPageVerdict(db, typedOn, 'Typed during the import', 1));
      },
    });
    await Promise.all(typing);
    expect(await db.pages.get(second!.page.url)).toMatchObject({
      verdict: 'Typed during the import',
      counts: second!.page.counts,
    });
  });
});
