import { describe, expect, it } from 'vitest';
import { parseBackup } from './parse';
import { sampleClaim, samplePage, samplePages } from './sample-data';
import { serializeBackup } from './serialize';

const exportedAt = new Date(Date.UTC(2024, 5, 1, 12));

describe('serializeBackup', () => {
  it('writes the version 1 format', () => {
    const file = JSON.parse(serializeBackup([samplePage([sampleClaim()])], exportedAt));
    expect(file).toEqual({
      format: 'claimlens-backup',
      version: 1,
      exportedAt: '2024-06-01T12:00:00.000Z',
      pages: [
        {
          url: 'https://news.example.com/economy/jobs',
          title: 'Jobs report: what the minister got right',
          site: 'Example News',
          firstVisit: '2024-05-01T08:30:00.123Z',
          lastVisit: '2024-05-02T09:30:00.123Z',
          counts: { unreviewed: 0, sourced: 0, unsourced: 1 },
          claims: [
            {
              id: '7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b',
              exact: 'Unemployment fell to 3.9% last year, the lowest since 1970.',
              selectors: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'Unemployment fell to 3.9% last year, the lowest since 1970.',
                  prefix: 'the minister said on Monday. ',
                  suffix: ' Critics disagree.',
                },
                { type: 'TextPositionSelector', start: 120, end: 179 },
              ],
              status: 'unsourced',
              note: 'The statistics office says 4.1%.',
              evidence: [{ url: 'https://stats.example.org/labour/2023', title: 'Labour market 2023' }],
              origin: 'auto',
              score: 0.82,
              cues: ['figure', 'comparison'],
              createdAt: '2024-05-01T09:30:00.123Z',
              updatedAt: '2024-05-01T09:31:00.123Z',
            },
          ],
        },
      ],
    });
  });

  it('gives back identical records (lossless), including text JSON finds awkward', () => {
    const pages = samplePages(20, 300, 5);
    const odd = sampleClaim({
      id: 'odd',
      exact: 'Quote with "quotes", \\ backslash, \u2028 separator, emoji 👍🏽 and a lone \uD800 surrogate',
      note: 'Line 1\r\nLine 2\t\u0000',
      evidence: [],
      score: undefined,
      cues: undefined,
      origin: 'manual',
      selectors: [],
      createdAt: -86_400_000,
      updatedAt: 0,
    });
    delete odd.score;
    delete odd.cues;
    pages.push(samplePage([odd], { url: 'https://odd.example/?q=a&b=%20#', title: '', site: '' }));
    pages[0]!.dismissals = [
      { id: 'd2', pageUrl: pages[0]!.page.url, exact: 'Not a claim.', createdAt: 1_700_000_000_001 },
      { id: 'd1', pageUrl: pages[0]!.page.url, exact: 'Nor this.', createdAt: 1_700_000_000_000 },
    ];
    pages[1]!.dismissals = [];
    const result = parseBackup(serializeBackup(pages, exportedAt));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byUrl = (a: { page: { url: string } }, b: { page: { url: string } }) => (a.page.url < b.page.url ? -1 : 1);
    const byCreated = (p: (typeof pages)[number]) => ({
      ...p,
      claims: [...p.claims].sort((a, b) => a.createdAt - b.createdAt),
      ...(p.dismissals ? { dismissals: [...p.dismissals].sort((a, b) => a.createdAt - b.createdAt) } : {}),
    });
    expect(result.pages).toStrictEqual([...pages].sort(byUrl).map(byCreated));
    expect(result.exportedAt).toEqual(exportedAt);
  });

  it('gives the same file for the same data in any order (backup, wipe, import, backup)', () => {
    const pages = samplePages(30, 500, 9);
    const first = serializeBackup(pages, exportedAt);
    const shuffled = [...pages].reverse().map((p) => ({ ...p, claims: [...p.claims].reverse() }));
    expect(serializeBackup(shuffled, exportedAt)).toBe(first);
    const imported = parseBackup(first);
    if (!imported.ok) throw new Error(imported.error);
    expect(serializeBackup(imported.pages, exportedAt)).toBe(first);
  });

  it('refuses data storage should never hold', () => {
    const page = samplePage([sampleClaim()]);
    expect(() =>
      serializeBackup(
        [{ ...page, claims: [{ ...page.claims[0]!, pageUrl: 'https://elsewhere.example/' }] }],
        exportedAt,
      ),
    ).toThrow(/belongs to https:\/\/elsewhere/);
    expect(() => serializeBackup([samplePage([sampleClaim({ createdAt: 1.5 })])], exportedAt)).toThrow(/createdAt/);
    expect(() => serializeBackup([page, page], exportedAt)).toThrow(/twice/);
    expect(() =>
      serializeBackup(
        [{ ...page, dismissals: [{ id: 'd', pageUrl: 'https://elsewhere.example/', exact: 'x', createdAt: 0 }] }],
        exportedAt,
      ),
    ).toThrow(/dismissal d belongs/);
  });
});
