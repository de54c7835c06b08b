import { describe, expect, it } from 'vitest';
import { findClaimsIncrementally } from '../claims/find-claims';
import { findClaims } from '../claims/find-page-claims';
import { extractArticleBlocks } from './extract-blocks';
import { insideBlocks, mapBlocksToLive } from './map-blocks';

const PROSE = [
  'The city council approved a budget of $4.2 billion on Tuesday, raising spending on schools by 8 percent, the mayor said.',
  'Critics said the plan, which relies on a new tax on property sales, would push rents higher across the region, and that it would hurt small landlords most.',
  'The council’s finance chair, Maria Lopez, said the tax would raise about $300 million a year from 2026 onwards, according to the clerk’s estimates.',
  'Officials expect a final vote next month, after public hearings in every district of the city, according to the clerk, who said turnout had been low.',
  'Last year the council rejected a similar plan by 9 votes to 6, after landlords warned that rents would rise by 12 percent within two years of the tax.',
  'The mayor, who faces re-election in November, has made the schools budget the centre of her campaign, promising 2,000 new teachers by 2027.',
];

/** An article beside a gallery of business stories: short linked blurbs, many of them. */
function galleryPage(): string {
  const card = (i: number) => `<div class="card"><a href="/biz/${i}"><img src="/i/${i}.jpg" alt=""></a>
    <h3><a href="/biz/${i}">Business story number ${i} about markets, rates and profits</a></h3>
    <p>Shares in company ${i} rose 3 percent on Monday after it reported profits of $${i} million, analysts said.</p></div>`;
  return `<!doctype html><html lang="en"><head><title>Council passes budget</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/business">Business</a></nav>
    <main><article><h1>Council passes budget</h1><p class="byline">By Jane Doe</p>
      <div class="body">${PROSE.map((p) => `<p>${p}</p>`).join('\n')}</div></article>
    <section class="gallery"><h2>50 business stories</h2>${Array.from({ length: 50 }, (_, i) => card(i)).join('\n')}</section></main>
    <footer><p>© 2024 The Daily Example. All rights reserved.</p></footer></body></html>`;
}

function load(html: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  document.documentElement.setAttribute('lang', 'en');
  return document;
}

describe('extractArticleBlocks', () => {
  it('returns the text blocks of the article Readability finds, from HTML or from a document left unchanged', () => {
    const fromHtml = extractArticleBlocks(galleryPage(), 'https://example.com/council');
    expect(fromHtml).not.toBeNull();
    for (const paragraph of PROSE) expect(fromHtml).toContain(paragraph);
    expect(fromHtml!.join('\n')).not.toContain('Business story number');

    const doc = load(galleryPage());
    const before = doc.body.innerHTML;
    expect(extractArticleBlocks(doc, 'https://example.com/council')).toEqual(fromHtml);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('returns null where the page is not probably readerable', () => {
    expect(
      extractArticleBlocks(
        '<html><body><nav><a href="/">Home</a></nav><p>Welcome!</p></body></html>',
        'https://example.com/',
      ),
    ).toBeNull();
  });
});

describe('mapBlocksToLive', () => {
  it('maps the blocks onto the live paragraphs, in page order, headings left out', () => {
    const doc = load(galleryPage());
    const blocks = extractArticleBlocks(galleryPage(), 'https://example.com/council')!;
    const live = mapBlocksToLive(doc, [...blocks, 'Council passes budget']);
    expect(live.map((el) => el.textContent)).toEqual(PROSE);
  });

  it('returns nothing when most blocks are not on the page (the page changed)', () => {
    const doc = load(galleryPage());
    expect(
      mapBlocksToLive(doc, [
        PROSE[0]!,
        'A paragraph that is nowhere on this page at all.',
        'Nor is this one, anywhere.',
      ]),
    ).toEqual([]);
  });
});

describe('insideBlocks', () => {
  it('accepts the sentences of a kept line and rejects what Readability dropped from it', () => {
    const inside = insideBlocks([
      'The council approved the budget on Tuesday. It raised school spending by 8 percent.',
    ]);
    const line =
      'The council approved the budget on Tuesday. It raised school spending by 8 percent. Share this on Facebook now.';
    expect(inside(line, 'The council approved the budget on Tuesday.')).toBe(true);
    expect(inside(line, 'Share this on Facebook now.')).toBe(false);
    expect(
      inside(
        'The council   approved the budget on Tuesday. It raised school spending by 8 percent.',
        'It raised school spending by 8 percent.',
      ),
    ).toBe(true);
  });
});

describe('the finder on an article beside a gallery', () => {
  it('finds the article’s claims and none of the gallery’s, with Readability and in the page', async () => {
    const doc = load(galleryPage());
    for (const result of [
      findClaims(doc, { threshold: 0 }),
      await findClaimsIncrementally(doc, { threshold: 0 }, () => Promise.resolve()),
    ]) {
      const texts = result.claims.map((c) => c.text);
      expect(texts.join('\n')).not.toMatch(/Shares in company|Business story|By Jane Doe|© 2024/);
      expect(texts.filter((t) => PROSE.some((p) => p.includes(t))).length).toBeGreaterThanOrEqual(PROSE.length);
    }
  });
});
