import { beforeEach, describe, expect, it } from 'vitest';
import { ClaimlensDb } from './db';
import { claimsWithStatus, searchClaims } from './search';
import type { Claim } from '../lib/model';

let db: ClaimlensDb;
const claim = (id: string, exact: string, note: string, status: Claim['status'], updatedAt: number): Claim => ({
  id, pageUrl: 'https://a.example/', exact, note, status, selectors: [], origin: 'auto', evidence: [], createdAt: 1, updatedAt,
});

beforeEach(async () => {
  db = new ClaimlensDb(`search-${crypto.randomUUID()}`);
  await db.claims.bulkPut([
    claim('1', 'Unemployment fell to 3.9%.', 'Check the Étude from INSEE', 'unsourced', 1),
    claim('2', 'Fees reach $210,000 a month.', '', 'sourced', 3),
    claim('3', 'Reports indicate a lawsuit.', 'vague: who reported?', 'unsourced', 2),
  ]);
});

describe('claim queries', () => {
  it('lists claims of one status', async () => {
    expect((await claimsWithStatus(db, 'unsourced')).map((c) => c.id).sort()).toEqual(['1', '3']);
  });

  it('searches quotes and notes for every word, ignoring case and accents, newest first', async () => {
    expect((await searchClaims(db, 'etude insee')).map((c) => c.id)).toEqual(['1']);
    expect((await searchClaims(db, 'REPORT')).map((c) => c.id)).toEqual(['3']);
    expect((await searchClaims(db, 'e')).map((c) => c.id)).toEqual(['2', '3', '1']);
    expect(await searchClaims(db, '   ')).toEqual([]);
    expect((await searchClaims(db, 'e', 2)).map((c) => c.id)).toEqual(['2', '3']);
  });
});
