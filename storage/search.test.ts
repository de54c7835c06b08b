import { beforeEach, describe, expect, it } from 'vitest';
import { deleteEverything } from './backup-io';
import { deleteClaim, judgeClaim, saveClaim } from './claims';
import { ClaimlensDb } from './db';
import { searchClaims } from './search';
import type { Claim } from '../lib/model';

let db: ClaimlensDb;
const claim = (id: string, exact: string, note: string, status: Claim['status'], updatedAt: number): Claim => ({
  id,
  pageUrl: 'https://a.example/',
  exact,
  note,
  status,
  selectors: [],
  origin: 'auto',
  evidence: [],
  createdAt: 1,
  updatedAt,
});
const page = { url: 'https://a.example/', title: 'A', site: 'A' };
const ids = async (query: string, limit?: number) => (await searchClaims(db, query, limit)).map((c) => c.id);

beforeEach(async () => {
  db = new ClaimlensDb(`search-${crypto.randomUUID()}`);
  await db.claims.bulkPut([
    claim('1', 'Unemployment fell to 3.9%.', 'Check the Étude from INSEE', 'unsourced', 1),
    claim('2', 'Fees reach $210,000 a month.', '', 'sourced', 3),
    claim('3', 'Reports indicate a lawsuit.', 'vague: who reported?', 'unsourced', 2),
  ]);
});

describe('claim queries', () => {
  it('searches quotes and notes for every word, ignoring case and accents, newest first', async () => {
    expect(await ids('etude insee')).toEqual(['1']);
    expect(await ids('REPORT')).toEqual(['3']);
    expect(await ids('re')).toEqual(['2', '3']);
    expect(await searchClaims(db, '   ')).toEqual([]);
    expect(await ids('re', 1)).toEqual(['2']);
    expect(await ids('3.9')).toEqual(['1']);
    expect(await ids('$210,000')).toEqual(['2']);
  });

  it('matches the start of words: a word is found by its beginning, not by a piece of its middle', async () => {
    expect(await ids('unemp')).toEqual(['1']);
    expect(await ids('Unemployment fell')).toEqual(['1']);
    expect(await ids('employment')).toEqual([]);
    expect(await ids('e')).toEqual(['1']); // "Étude"
    expect(await ids('unemployment lawsuit')).toEqual([]);
  });

  it('finds text in scripts written without spaces, character by character', async () => {
    await db.claims.put(claim('4', '東京都の人口は1400万人を超えた。', '', 'unreviewed', 4));
    expect(await ids('人口')).toEqual(['4']);
    expect(await ids('大阪')).toEqual([]);
  });
});

describe('the search index follows every write', () => {
  it('a note edit: the old words no longer find the claim, the new ones do', async () => {
    const [stored] = await db.claims.bulkGet(['1']);
    await judgeClaim(db, stored!, { note: 'Eurostat has 4.1%' }, page, 10);
    expect(await ids('insee')).toEqual([]);
    expect(await ids('eurostat')).toEqual(['1']);
    expect(await ids('unemployment')).toEqual(['1']);
  });

  it('a new claim, a deleted one, and a wiped database', async () => {
    await saveClaim(db, claim('5', 'Crime rose by a third.', '', 'unreviewed', 5), page, 5);
    expect(await ids('crime')).toEqual(['5']);
    await deleteClaim(db, '3', page, 6);
    expect(await ids('report')).toEqual([]);
    await deleteEverything(db);
    expect(await ids('crime')).toEqual([]);
    expect(await db.searchIndex.count()).toBe(0);
  });

  it('merges small segments as they are written, even when nobody searches', async () => {
    for (let i = 0; i < 40; i++) {
      const [stored] = await db.claims.bulkGet(['3']);
      await judgeClaim(db, stored!, { note: `draft ${i}` }, page, 100 + i);
    }
    // 41 writes: the 32nd merged the 32 before it into one, 9 came after.
    expect(await db.searchIndex.count()).toBe(10);
    expect(await ids('draft 39')).toEqual(['3']);
    expect(await ids('draft 31')).toEqual([]);
    expect(await ids('etude')).toEqual(['1']);
  });

  it('merges the segments of many small writes, and finds the same claims after', async () => {
    for (let i = 0; i < 20; i++) {
      const [stored] = await db.claims.bulkGet(['2']);
      await judgeClaim(db, stored!, { note: `revision ${i}` }, page, 100 + i);
    }
    expect(await db.searchIndex.count()).toBe(21);
    expect(await ids('revision 19')).toEqual(['2']); // this search merges the trailing small segments
    expect(await db.searchIndex.count()).toBe(1);
    expect(await ids('revision 19')).toEqual(['2']);
    expect(await ids('revision 18')).toEqual([]);
    expect(await ids('etude')).toEqual(['1']);
  });
});
