/**
 * The finder on hostile pages. Built in jsdom: happy-dom walks siblings in time proportional to their number, which
 * makes any 200,000-sibling page quadratic there whatever the finder does; browsers and jsdom do not.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findArticleRoots } from './article-body';
import { findClaimsIncrementally } from './find-claims';

const PROSE = [
  'The city council approved a budget of $4.2 billion on Tuesday, raising school spending by 8 percent, the mayor said.',
  'The council’s finance chair said the tax would raise about $300 million a year from 2026, according to the clerk.',
  'Critics say the plan, which relies on a new tax on property sales, would push rents higher across the region.',
];

function pageWith(fill: (doc: Document, container: Element) => void): Document {
  const { window } = new JSDOM('<!doctype html><html lang="en"><body><nav><a href="/">Home</a></nav></body></html>');
  const doc = window.document as unknown as Document;
  const article = doc.createElement('article');
  const body = doc.createElement('div');
  body.className = 'entry-content';
  const paragraph = (text: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    body.appendChild(p);
  };
  paragraph(PROSE[0]!);
  fill(doc, body);
  paragraph(PROSE[1]!);
  paragraph(PROSE[2]!);
  article.appendChild(body);
  doc.body.appendChild(article);
  return doc;
}

describe('finding claims on hostile pages', () => {
  it('reads an article holding 200,000 hidden empty elements (no spread of them into a call)', async () => {
    const doc = pageWith((d, container) => {
      const fragment = d.createDocumentFragment();
      for (let i = 0; i < 200_000; i++) {
        const span = d.createElement('span');
        span.setAttribute('style', 'display:none');
        fragment.appendChild(span);
      }
      container.appendChild(fragment);
    });
    expect(findArticleRoots(doc)).toHaveLength(1);
    const result = await findClaimsIncrementally(doc, { threshold: 0 }, () => Promise.resolve());
    expect(result.claims.map((c) => c.text)).toEqual(PROSE);
  }, 120_000);

  it('neither scores nor highlights a 40,000-character "sentence" of "1."', async () => {
    const doc = pageWith((d, container) => {
      const p = d.createElement('p');
      p.textContent = `${'1.'.repeat(20_000)} ${'U.S. '.repeat(20_000)}`;
      container.appendChild(p);
    });
    const result = await findClaimsIncrementally(doc, { threshold: 0 }, () => Promise.resolve());
    expect(result.claims.map((c) => c.text)).toEqual(PROSE);
    expect(result.sentences).toBe(PROSE.length);
  }, 60_000);
});
