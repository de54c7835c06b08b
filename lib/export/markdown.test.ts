import { describe, expect, it, vi } from 'vitest';
import { sampleClaim, samplePage, samplePages } from '../backup/sample-data';
import {
  markdownFileName,
  serializeMarkdownTree,
  slugify,
  toMarkdown,
  toMarkdownChunks,
  toMarkdownTree,
  toMarkdownWithProgress,
} from './markdown';

const exportedAt = new Date(Date.UTC(2024, 4, 2, 14, 3, 59));

describe('toMarkdown', () => {
  it('writes a title, the date, a heading per page and each claim with its status, note, evidence and quote link', () => {
    const claims = [
      sampleClaim({ note: 'The statistics office says 4.1%.\nSee table 2.\n\nAsked the ministry.' }),
      sampleClaim({ id: 'b', exact: 'It is false.', status: 'unreviewed', note: '', evidence: [] }),
    ];
    const markdown = toMarkdown([samplePage(claims)], { title: 'Jobs check', exportedAt });
    expect(markdown).toBe(`# Jobs check

Exported 2024-05-02 14:03 UTC from Claimlens: 2 claims on 1 page.

## [Jobs report: what the minister got right](https://news.example.com/economy/jobs)

Example News · 2 claims: 1 unreviewed, 1 unsourced

> Unemployment fell to 3.9% last year, the lowest since 1970.

**Status:** unsourced · [Show on page](https://news.example.com/economy/jobs#:~:text=Unemployment%20fell%20to%203.9%25%20last%20year%2C%20the%20lowest%20since%201970.)

**Note:** The statistics office says 4.1%.\\
See table 2.

Asked the ministry.

**Evidence:**

- [Labour market 2023](https://stats.example.org/labour/2023)

> It is false.

**Status:** unreviewed · [Show on page](https://news.example.com/economy/jobs#:~:text=said%20on%20Monday.-,It%20is%20false.,-Critics)
`);
  });

  it('skips pages without claims and defaults the title', () => {
    const markdown = toMarkdown([samplePage([]), samplePage([sampleClaim()], { url: 'https://b.example/' })], {
      exportedAt,
    });
    expect(markdown.startsWith('# Claims\n\nExported 2024-05-02 14:03 UTC from Claimlens: 1 claim on 1 page.')).toBe(
      true,
    );
    expect(markdown.match(/^## /gm)).toHaveLength(1);
  });

  it('falls back to the URL when the page has no title', () => {
    const markdown = toMarkdown([samplePage([sampleClaim()], { title: '  ' })], { exportedAt });
    expect(markdown).toContain('## [https://news.example.com/economy/jobs](https://news.example.com/economy/jobs)');
  });
});

describe('chunked export', () => {
  const pages = samplePages(7, 400, 3);

  it('gives the same text as serializing the whole tree at once', () => {
    const chunks = Array.from(toMarkdownChunks(pages, { exportedAt }));
    expect(chunks.length).toBeGreaterThan(7);
    expect(chunks.join('')).toBe(serializeMarkdownTree(toMarkdownTree(pages, { exportedAt })));
    expect(chunks.join('')).toBe(toMarkdown(pages, { exportedAt }));
  });

  it('reports progress up to the total and yields the same result', async () => {
    const onProgress = vi.fn();
    const text = await toMarkdownWithProgress(pages, { exportedAt, onProgress });
    expect(text).toBe(toMarkdown(pages, { exportedAt }));
    expect(onProgress).toHaveBeenNthCalledWith(1, 0, 400);
    expect(onProgress).toHaveBeenLastCalledWith(400, 400);
    const done = onProgress.mock.calls.map((c) => c[0] as number);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(toMarkdownWithProgress(pages, { exportedAt, signal: controller.signal })).rejects.toThrow('cancelled');
  });
});

describe('markdownFileName', () => {
  const now = new Date(2024, 0, 9, 23, 30);

  it('names a one-page export after the page', () => {
    expect(
      markdownFileName([samplePage([sampleClaim()], { title: 'Jobs report: what the minister got right!' })], now),
    ).toBe('jobs-report-what-the-minister-got-right.md');
  });

  it('uses the date for several pages or a page without a usable title', () => {
    const two = [samplePage([sampleClaim()]), samplePage([sampleClaim()], { url: 'https://b.example/' })];
    expect(markdownFileName(two, now)).toBe('claims-2024-01-09.md');
    expect(markdownFileName([samplePage([sampleClaim()], { title: '***', site: '' })], now)).toBe(
      'claims-2024-01-09.md',
    );
  });

  it('makes safe, short slugs', () => {
    expect(slugify('Élection présidentielle : les chiffres')).toBe('election-presidentielle-les-chiffres');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Москва: «цифры»')).toBe('москва-цифры');
    expect(slugify('a'.repeat(100)).length).toBe(60);
  });
});
