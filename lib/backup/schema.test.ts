import { describe, expect, it } from 'vitest';
import { newManualClaimRequest } from '../messaging/validate';
import { parseBackup } from './parse';
import { sampleClaim, samplePage } from './sample-data';
import { selectorSchema } from '../model/selector-schema';
import { serializeBackup } from './serialize';

const request = (selectors: unknown[]) => ({
  page: { url: 'https://news.example.com/a', title: 'A', site: 'News' },
  exact: 'A claim.',
  selectors,
});

describe('one selector schema for claim:create and backups', () => {
  const backwards = { type: 'TextPositionSelector' as const, start: 40, end: 12 };
  const quote = { type: 'TextQuoteSelector' as const, exact: 'A claim.', prefix: '', suffix: '' };

  it('claim:create refuses a position whose end comes before its start, as the backup validator does', () => {
    expect(selectorSchema.safeParse(backwards).success).toBe(false);
    expect(newManualClaimRequest.safeParse(request([quote, backwards])).success).toBe(false);
    expect(newManualClaimRequest.safeParse(request([quote, { ...backwards, start: 12, end: 40 }])).success).toBe(true);
  });

  it('claim:create keeps its bounds on what a page may send', () => {
    expect(newManualClaimRequest.safeParse(request([{ ...quote, exact: '' }])).success).toBe(false);
    expect(newManualClaimRequest.safeParse(request([{ ...quote, prefix: 'x'.repeat(257) }])).success).toBe(false);
  });

  it('a backup of a claim stored with such a selector still imports (the bad position is left out)', () => {
    const claim = sampleClaim({ selectors: [{ ...quote, exact: sampleClaim().exact }, backwards] });
    const parsed = parseBackup(serializeBackup([samplePage([claim])], new Date(Date.UTC(2024, 5, 1))));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pages[0]!.claims[0]!.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });
});
