import { beforeEach, describe, expect, it } from 'vitest';
import { ClaimlensDb } from './db';
import { claimsOfPage, deleteClaim, judgeClaim, saveClaim, withEvidence, withoutEvidence } from './claims';
import type { Claim } from '../lib/model';

const page = { url: 'https://news.example/a', title: 'A story', site: 'Example News' };

function claim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    pageUrl: page.url,
    selectors: [{ type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' }],
    exact: `quote ${id}`,
    origin: 'auto',
    status: 'unreviewed',
    note: '',
    evidence: [],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

let db: ClaimlensDb;
beforeEach(async () => {
  db = new ClaimlensDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('claims storage', () => {
  it('stores claims with their page record and counts per status', async () => {
    await saveClaim(db, claim('1', { status: 'unsourced' }), page, 10);
    await saveClaim(db, claim('2'), page, 20);
    expect((await claimsOfPage(db, page.url)).map((c) => c.id).sort()).toEqual(['1', '2']);
    const record = await db.pages.get(page.url);
    expect(record).toMatchObject({ title: 'A story', site: 'Example News', firstVisit: 10, lastVisit: 20 });
    expect(record?.counts).toEqual({ unreviewed: 1, sourced: 0, unsourced: 1 });
  });

  it('updates status and note, bumping updatedAt and the counts', async () => {
    await saveClaim(db, claim('1'), page, 10);
    const updated = await judgeClaim(db, claim('1'), { status: 'sourced', note: 'see the filing' }, page, 30);
    expect(updated).toMatchObject({ status: 'sourced', note: 'see the filing', updatedAt: 30, createdAt: 1 });
    expect((await db.pages.get(page.url))?.counts).toEqual({ unreviewed: 0, sourced: 1, unsourced: 0 });
  });

  it('refuses a claim filed under another page, writing nothing', async () => {
    await expect(saveClaim(db, claim('1', { pageUrl: 'https://other.example/' }), page)).rejects.toThrow(/belongs to/);
    expect(await db.pages.count()).toBe(0);
  });
});

describe('judgeClaim', () => {
  it('stores a suggestion on its first change and applies later changes on top', async () => {
    const base = claim('s');
    await judgeClaim(db, base, { status: 'unsourced' }, page, 5);
    // The panel may still hold the unstored copy when the next change comes: it must not reset the status.
    await judgeClaim(db, base, { note: 'no source given' }, page, 6);
    expect(await db.claims.get('s')).toMatchObject({
      status: 'unsourced',
      note: 'no source given',
      createdAt: 5,
      updatedAt: 6,
    });
    expect((await db.pages.get(page.url))?.counts.unsourced).toBe(1);
  });
});

describe('deleteClaim', () => {
  it('deletes a claim and restores it unchanged on undo', async () => {
    const original = claim('d', { status: 'sourced', note: 'filing', updatedAt: 7 });
    await saveClaim(db, original, page, 10);
    const deleted = await deleteClaim(db, 'd', page, 11);
    expect(deleted).toEqual(original);
    expect(await db.claims.get('d')).toBeUndefined();
    expect((await db.pages.get(page.url))?.counts.sourced).toBe(0);
    await saveClaim(db, deleted!, page, 12);
    expect(await db.claims.get('d')).toEqual(original);
    expect((await db.pages.get(page.url))?.counts.sourced).toBe(1);
  });
});

describe('evidence changes', () => {
  it('decides each change on the claim as stored at write time: concurrent adds keep both, removal is by address', async () => {
    const base = claim('e');
    await Promise.all([
      judgeClaim(db, base, withEvidence({ url: 'https://one.example/' }), page, 2),
      judgeClaim(db, base, withEvidence({ url: 'https://two.example/' }), page, 3),
      judgeClaim(db, base, withEvidence({ url: 'https://one.example/' }), page, 4),
    ]);
    expect((await db.claims.get('e'))?.evidence.map((e) => e.url).sort()).toEqual([
      'https://one.example/',
      'https://two.example/',
    ]);
    await judgeClaim(db, base, withoutEvidence('https://one.example/'), page, 5);
    expect((await db.claims.get('e'))?.evidence).toEqual([{ url: 'https://two.example/' }]);
  });
});
