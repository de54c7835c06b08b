import { describe, expect, it } from 'vitest';
import { MAX_VERDICT_LENGTH } from '../model';
import { parseBackup } from './parse';
import { sampleClaim, samplePage, samplePages } from './sample-data';
import { serializeBackup } from './serialize';

const exportedAt = new Date(Date.UTC(2024, 5, 1, 12));
const VERDICT_AT = Date.UTC(2024, 4, 3, 10, 15, 0, 7);

function read(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.pages;
}

describe('the page verdict in a backup file', () => {
  it('is written as optional page fields, the time in ISO-8601, before the claims', () => {
    const entry = samplePage([sampleClaim()], {
      verdict: 'Mostly sound.\nOne figure is off.',
      verdictUpdatedAt: VERDICT_AT,
    });
    const text = serializeBackup([entry], exportedAt);
    const [page] = JSON.parse(text).pages;
    expect(Object.keys(page)).toEqual([
      'url',
      'title',
      'site',
      'firstVisit',
      'lastVisit',
      'counts',
      'verdict',
      'verdictUpdatedAt',
      'claims',
    ]);
    expect(page).toMatchObject({
      verdict: 'Mostly sound.\nOne figure is off.',
      verdictUpdatedAt: '2024-05-03T10:15:00.007Z',
    });
  });

  it('is left out for pages without one, so older files and newer ones of such pages are the same', () => {
    const text = serializeBackup([samplePage([sampleClaim()])], exportedAt);
    expect(text).not.toContain('verdict');
    expect(read(text)[0]!.page).not.toHaveProperty('verdict');
    expect(read(text)[0]!.page).not.toHaveProperty('verdictUpdatedAt');
  });

  it('reads back losslessly: any text, a cleared verdict (its time alone), a page with nothing but a verdict', () => {
    const pages = samplePages(3, 6, 4);
    pages[0]!.page = {
      ...pages[0]!.page,
      verdict: '# Not a heading <b>x</b> 👍🏽 \u2028 "q" \\',
      verdictUpdatedAt: VERDICT_AT,
    };
    pages[1]!.page = { ...pages[1]!.page, verdictUpdatedAt: VERDICT_AT + 1 };
    pages.push(
      samplePage([], {
        url: 'https://only.example/verdict',
        verdict: 'x'.repeat(MAX_VERDICT_LENGTH),
        verdictUpdatedAt: 0,
      }),
    );
    const text = serializeBackup(pages, exportedAt);
    const back = read(text);
    const byUrl = (url: string) => back.find((e) => e.page.url === url)!.page;
    for (const { page } of pages) expect(byUrl(page.url)).toStrictEqual(page);
    expect(serializeBackup(back, exportedAt)).toBe(text);
  });

  it('takes the last visit as the time of a verdict written without one', () => {
    const text = serializeBackup([samplePage([sampleClaim()], { verdict: 'No time given' })], exportedAt);
    const { page } = read(text)[0]!;
    expect(page.verdictUpdatedAt).toBe(page.lastVisit);
  });

  it('refuses a verdict that is too long, not a string, or a bad time, naming the field', () => {
    const file = (verdict: unknown, verdictUpdatedAt?: unknown) => {
      const json = JSON.parse(serializeBackup([samplePage([sampleClaim()])], exportedAt));
      Object.assign(json.pages[0], { verdict, ...(verdictUpdatedAt === undefined ? {} : { verdictUpdatedAt }) });
      return JSON.stringify(json);
    };
    const refused = (text: string) => {
      const result = parseBackup(text);
      if (result.ok) throw new Error('expected the file to be refused');
      return result.error;
    };
    expect(refused(file('x'.repeat(MAX_VERDICT_LENGTH + 1)))).toMatch(
      /pages\[0\]\.verdict: must be at most 20,000 characters long$/,
    );
    expect(refused(file(42))).toMatch(/pages\[0\]\.verdict/);
    expect(refused(file('ok', 'yesterday'))).toMatch(/pages\[0\]\.verdictUpdatedAt/);
  });
});
