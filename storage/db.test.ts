import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ClaimlensDb, SCHEMA } from './db';
import { searchClaims } from './search';

describe('schema migration', () => {
  it('opens a version 1 database and keeps every record', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[1]!);
    const pages = Array.from({ length: 20 }, (_, i) => ({
      url: `https://news.example/${i}`,
      title: `Story ${i}`,
      site: 'News',
      firstVisit: i,
      lastVisit: i + 1,
      counts: { unreviewed: 1, sourced: 1, unsourced: 1 },
    }));
    const claims = pages.flatMap((page, i) =>
      (['unreviewed', 'sourced', 'unsourced'] as const).map((status, j) => ({
        id: `${i}-${j}`,
        pageUrl: page.url,
        exact: `claim ${i}-${j}`,
        status,
        note: `note ${j}`,
        origin: 'auto',
        selectors: [{ type: 'TextPositionSelector', start: j, end: j + 5 }],
        evidence: [{ url: 'https://src.example' }],
        createdAt: i,
        updatedAt: i,
      })),
    );
    await v1.table('pages').bulkAdd(pages);
    await v1.table('claims').bulkAdd(claims);
    v1.close();

    const db = new ClaimlensDb(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA).map(Number)));
    expect(await db.pages.orderBy('url').toArray()).toEqual([...pages].sort((a, b) => a.url.localeCompare(b.url)));
    expect(await db.claims.orderBy('id').toArray()).toEqual([...claims].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.dismissals.count()).toBe(0);
    db.close();
  });

  it('fills the search index for the claims stored before version 4', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    for (const version of [1, 2, 3]) v3.version(version).stores(SCHEMA[version]!);
    const claim = (id: string, exact: string, note: string, updatedAt: number) => ({
      id,
      pageUrl: 'https://news.example/1',
      exact,
      note,
      status: 'unreviewed',
      origin: 'auto',
      selectors: [],
      evidence: [],
      createdAt: 1,
      updatedAt,
    });
    await v3
      .table('claims')
      .bulkAdd([
        claim('a', 'Unemployment fell to 3.9%.', 'Check the Étude from INSEE', 1),
        claim('b', 'Inflation rose.', 'unemployment too?', 2),
        claim('c', 'Crime fell.', '', 3),
      ]);
    v3.close();

    const db = new ClaimlensDb(name);
    await db.open();
    expect(await db.searchIndex.count()).toBe(1);
    expect((await searchClaims(db, 'unemp')).map((c) => c.id)).toEqual(['b', 'a']);
    expect((await searchClaims(db, 'etude')).map((c) => c.id)).toEqual(['a']);
    expect(db.claims.schema.indexes.map((i) => i.name).sort()).toEqual(['pageUrl', 'status']);
    expect(await db.claims.count()).toBe(3);
    db.close();
  });
});
