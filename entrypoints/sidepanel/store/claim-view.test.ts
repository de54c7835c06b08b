import { describe, expect, it } from 'vitest';
import { nextUnreviewed, orderClaims, stepSelection, visibleClaims } from './claim-view';
import type { PanelClaim } from './panel-store';

const claim = (id: string, status: PanelClaim['status'], exact: string, note = ''): PanelClaim => ({
  id,
  status,
  exact,
  note,
  evidence: [],
  stored: true,
  selectors: [],
  origin: 'auto',
  anchored: true,
});
const claims = [
  claim('1', 'unreviewed', 'Unemployment fell to 3.9%.'),
  claim('2', 'sourced', 'Fees reach $210,000.', 'SEC filing'),
  claim('3', 'unsourced', 'Reports indicate a lawsuit.', 'Who reported? Étude'),
];

describe('visibleClaims', () => {
  it('filters by status and by every search word in quote or note', () => {
    expect(visibleClaims(claims, 'unsourced', '').map((c) => c.id)).toEqual(['3']);
    expect(visibleClaims(claims, 'all', 'filing').map((c) => c.id)).toEqual(['2']);
    expect(visibleClaims(claims, 'all', 'etude reported').map((c) => c.id)).toEqual(['3']);
    expect(visibleClaims(claims, 'sourced', 'lawsuit')).toEqual([]);
  });
});

describe('orderClaims', () => {
  const scored = (id: string, status: PanelClaim['status'], score: number | undefined, origin = 'auto' as const) => ({
    ...claim(id, status, `Claim ${id}`),
    score,
    origin,
  });
  const page = [
    scored('a', 'sourced', 0.4),
    scored('b', 'unreviewed', 0.9),
    scored('c', 'unsourced', undefined),
    { ...scored('d', 'unreviewed', undefined), origin: 'manual' as const },
    scored('e', 'sourced', 0.9),
  ];
  const ids = (list: PanelClaim[]) => list.map((c) => c.id).join('');

  it('keeps page order by default', () => {
    expect(ids(orderClaims(page, 'page'))).toBe('abcde');
    expect(ids(visibleClaims(page, 'all', ''))).toBe('abcde');
  });

  it('puts the reader’s own marks first, then the highest scores, unscored suggestions last, ties in page order', () => {
    expect(ids(orderClaims(page, 'check-worthy'))).toBe('dbeac');
  });

  it('groups by status in the header’s order, page order within a status', () => {
    expect(ids(orderClaims(page, 'status'))).toBe('bdaec');
  });

  it('orders after filtering, and never reorders the list it was given', () => {
    expect(ids(visibleClaims(page, 'sourced', '', 'check-worthy'))).toBe('ea');
    expect(ids(page)).toBe('abcde');
  });
});

describe('stepSelection', () => {
  it('moves within the list and stops at its ends', () => {
    expect(stepSelection(claims, null, 1)).toBe('1');
    expect(stepSelection(claims, null, -1)).toBe('3');
    expect(stepSelection(claims, '1', 1)).toBe('2');
    expect(stepSelection(claims, '3', 1)).toBe('3');
    expect(stepSelection(claims, '1', -1)).toBe('1');
    expect(stepSelection([], '1', 1)).toBeNull();
  });
});

describe('nextUnreviewed', () => {
  const list = [
    claim('a', 'unreviewed', 'A.'),
    claim('b', 'sourced', 'B.'),
    claim('c', 'unreviewed', 'C.'),
    { ...claim('d', 'unreviewed', 'D.'), anchored: false },
  ];
  it('moves to the next claim still waiting for a verdict, wrapping round, skipping orphans', () => {
    expect(nextUnreviewed(list, null)).toBe('a');
    expect(nextUnreviewed(list, 'a')).toBe('c');
    expect(nextUnreviewed(list, 'b')).toBe('c');
    expect(nextUnreviewed(list, 'c')).toBe('a');
  });
  it('says there is none when every claim is judged', () => {
    expect(nextUnreviewed([claim('b', 'sourced', 'B.')], 'b')).toBeNull();
    expect(nextUnreviewed([], null)).toBeNull();
  });
});
