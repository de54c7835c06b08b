import { describe, expect, it } from 'vitest';
import { findArticleRoots, findJunk } from './article-body';

const PROSE = [
  'The city council approved a budget of $4.2 billion on Tuesday, raising spending on schools by 8 percent, the mayor said.',
  'Critics said the plan, which relies on a new tax on property sales, would push rents higher across the region.',
  'The council’s finance chair, Maria Lopez, said the tax would raise about $300 million a year from 2026 onwards.',
  'Officials expect a final vote next month, after public hearings in every district of the city, according to the clerk.',
];
const paragraphs = (n = PROSE.length) =>
  PROSE.slice(0, n)
    .map((p) => `<p>${p}</p>`)
    .join('');

function page(body: string): Document {
  document.documentElement.setAttribute('lang', 'en');
  document.body.innerHTML = body;
  return document;
}

const NAV =
  '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>';
const FOOTER =
  '<footer><p>© 2024 The Daily Example. All rights reserved. Contact us at any time, we read everything.</p></footer>';

describe('findArticleRoots', () => {
  it('finds the article container and leaves navigation, sidebars and footers out', () => {
    const doc = page(`${NAV}<header><h1>Site</h1></header><main><div class="story-body" id="body">${paragraphs()}</div>
      <aside class="sidebar">${paragraphs(2)}</aside></main>${FOOTER}`);
    expect(findArticleRoots(doc)).toEqual([doc.getElementById('body')]);
  });

  it('joins the parts of a body split around an ad', () => {
    const doc = page(`<article><div class="story-body story-body-1" id="one">${paragraphs(2)}</div>
      <div class="ad-slot"><a href="/ad">Buy now</a></div>
      <div class="story-body story-body-2" id="two">${paragraphs()}${paragraphs()}</div></article>`);
    const roots = findArticleRoots(doc);
    const text = roots.map((r) => r.textContent).join(' ');
    expect(text).toContain(PROSE[0]);
    expect(roots.every((r) => r.contains(doc.getElementById('one')) || r.contains(doc.getElementById('two')))).toBe(
      true,
    );
  });

  it('returns nothing for a front page of linked headlines and short blurbs', () => {
    const teaser = (
      i: number,
    ) => `<div class="story"><h3><a href="/s/${i}">Headline number ${i} about the news of the day</a></h3>
      <p>Short blurb for story ${i}, with a few words.</p></div>`;
    const doc = page(
      `${NAV}<div class="stream">${Array.from({ length: 40 }, (_, i) => teaser(i)).join('')}</div>${FOOTER}`,
    );
    expect(findArticleRoots(doc)).toEqual([]);
  });

  it('finds an article written as one block of <br>-separated text', () => {
    const doc = page(`${NAV}<div id="text">${PROSE.join('<br><br>')}${PROSE.join('<br><br>')}</div>${FOOTER}`);
    expect(findArticleRoots(doc).some((root) => root.contains(doc.getElementById('text')))).toBe(true);
  });

  it('returns nothing for a search page of linked titles and snippets', () => {
    const result = (i: number) => `<li class="result"><h3><a href="/r/${i}">Result ${i}: budget vote news</a></h3>
      <p>${PROSE[i % PROSE.length]}</p></li>`;
    const doc = page(
      `${NAV}<ol id="results">${Array.from({ length: 10 }, (_, i) => result(i)).join('')}</ol>${FOOTER}`,
    );
    expect(findArticleRoots(doc)).toEqual([]);
  });

  it('returns nothing for an empty page', () => {
    expect(findArticleRoots(page(''))).toEqual([]);
  });

  it('does not change the page', () => {
    const doc = page(`${NAV}<div class="content">${paragraphs()}</div>${FOOTER}`);
    const before = doc.body.innerHTML;
    findArticleRoots(doc);
    expect(doc.body.innerHTML).toBe(before);
  });
});

describe('findJunk', () => {
  it('marks ads, read-more boxes, link lists, share bars, captions and comment forms', () => {
    const doc = page(`<div class="entry-content" id="root">${paragraphs(2)}
      <div class="td-a-rec"><span>- Advertisement -</span></div>
      <p>People Also Read: <a href="/x">Meta Set to Announce Another Round of Mass Layoffs</a></p>
      ${paragraphs()}
      <div class="box"><h4>Read More From Evoclique</h4><ul><li><a href="/1">One story about things</a></li>
        <li><a href="/2">Another story about things</a></li></ul></div>
      <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
      <figure><img src="x.jpg"><figcaption>Some picture of a thing, taken last year by someone.</figcaption></figure>
      <form id="commentform"><p>Please enter your comment!</p><textarea></textarea></form>
      <p><span class="dateline">CAIRO —</span> Gunmen opened fire on visitors at the museum on Wednesday, officials said.</p>
    </div>`);
    const junkText = findJunk(doc.getElementById('root')!).map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    expect(junkText[2]).toMatch(/^Read More From Evoclique\s*One story about things Another story about things$/);
    junkText[2] = 'Read More From Evoclique box';
    expect(junkText).toEqual([
      '- Advertisement -',
      'People Also Read: Meta Set to Announce Another Round of Mass Layoffs',
      'Read More From Evoclique box',
      'Facebook Twitter',
      'Some picture of a thing, taken last year by someone.',
      'Please enter your comment!',
    ]);
  });

  it('never drops the element holding most of the article, whatever its class', () => {
    const doc = page(`<div id="root"><div class="comments-enabled">${paragraphs()}</div><p>Short note here.</p></div>`);
    expect(findJunk(doc.getElementById('root')!)).toEqual([]);
  });

  it('marks page furniture: headings, the article header, bylines, datelines, standfirsts, credits, bios', () => {
    const doc = page(`<div class="entry-content" id="root">
      <header><h1>Council passes budget</h1><p class="standfirst">The vote ends months of wrangling over schools.</p></header>
      <p class="byline">By Jane Doe and John Roe</p>
      <p><time datetime="2016-12-22">22 Dec, 2016</time></p>
      ${paragraphs(2)}
      <h2>What happens next</h2>
      ${paragraphs()}
      <p class="photo-credit">Photograph: Jane Doe for The Daily Example</p>
      <div class="author-bio"><p>Jane Doe covers city hall. Follow her on Twitter @janedoe.</p></div>
      <p class="article-dek">A summary that restates the lede in other words.</p>
    </div>`);
    const junkText = findJunk(doc.getElementById('root')!).map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    expect(junkText).toEqual([
      'Council passes budgetThe vote ends months of wrangling over schools.',
      'By Jane Doe and John Roe',
      '22 Dec, 2016',
      'What happens next',
      'Photograph: Jane Doe for The Daily Example',
      'Jane Doe covers city hall. Follow her on Twitter @janedoe.',
      'A summary that restates the lede in other words.',
    ]);
  });
});
