import { describe, expect, it, vi } from 'vitest';
import { buildTextIndex } from '../anchoring/text-index';
import { findClaimsInBlocks, findClaimsIncrementally, pageLanguage } from './find-claims';
import { findClaims } from './find-page-claims';
import { CLAIM_THRESHOLD } from './score';

const ARTICLE = `
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav>
  <header><h1>The Daily Example</h1></header>
  <main><article class="post">
    <h2>Council passes budget</h2>
    <div class="entry-content" id="body">
      <p>The city council approved a budget of $4.2 billion on Tuesday, raising school spending by 8 percent, the mayor said.</p>
      <p>“This is the largest investment in our schools in 20 years,” Mayor Ana Ruiz told reporters after the vote.</p>
      <div class="ad-unit"><span>- Advertisement -</span></div>
      <p>People Also Read: <a href="/other">Council member claims 90% of residents support the new stadium</a></p>
      <p>Critics say the plan, which relies on a new tax on property sales, would push rents higher across the region.</p>
      <p>It was sunny.</p>
      <p>The council’s finance chair said the tax would raise about $300 million a year from 2026, according to the clerk.</p>
      <form class="comment-form"><p>Please enter your comment! Reports say 50% of comments are spam.</p></form>
    </div>
  </article></main>
  <footer><p>© 2024 The Daily Example. Our survey says 99% of readers love it.</p></footer>`;

function page(html: string, lang = 'en'): Document {
  document.documentElement.setAttribute('lang', lang);
  document.body.innerHTML = html;
  return document;
}

describe('findClaims', () => {
  it('finds claims in the article body, in page order, with ranges holding their text', () => {
    const doc = page(ARTICLE);
    const result = findClaims(doc, { threshold: 0 });
    // Readability's paragraphs, mapped back onto the page: all inside the article body.
    expect(result.roots.length).toBeGreaterThan(0);
    expect(result.roots.every((root) => doc.getElementById('body')!.contains(root))).toBe(true);
    expect(result.lang).toBe('en');
    const texts = result.claims.map((c) => c.text);
    expect(texts[0]).toMatch(/^The city council approved a budget of \$4\.2 billion/);
    expect(texts).toContain(
      'Critics say the plan, which relies on a new tax on property sales, would push rents higher across the region.',
    );
    for (const claim of result.claims) {
      expect(claim.range.toString().replace(/\s+/g, ' ').trim()).toBe(claim.text);
      expect(claim.text).not.toMatch(/\n/);
    }
    const starts = result.claims.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('skips junk inside the body, the page chrome and fragments too short to be claims', () => {
    const texts = findClaims(page(ARTICLE), { threshold: 0 })
      .claims.map((c) => c.text)
      .join('\n');
    for (const junk of [
      'Advertisement',
      'People Also Read',
      'stadium',
      'Please enter your comment',
      'spam',
      '99%',
      'Home',
      'It was sunny.',
    ]) {
      expect(texts).not.toContain(junk);
    }
  });

  it('keeps only claims at or above the threshold', () => {
    const doc = page(ARTICLE);
    const all = findClaims(doc, { threshold: 0 });
    const shipped = findClaims(doc);
    expect(shipped.sentences).toBe(all.sentences);
    expect(shipped.claims.every((c) => c.score >= CLAIM_THRESHOLD)).toBe(true);
    expect(shipped.claims.length).toBe(all.claims.filter((c) => c.score >= CLAIM_THRESHOLD).length);
    expect(findClaims(doc, { threshold: 1.01 }).claims).toEqual([]);
  });

  it('takes the language from <html lang> unless told otherwise', () => {
    const doc = page(ARTICLE, 'fr-FR');
    expect(pageLanguage(doc)).toBe('fr-FR');
    expect(findClaims(doc).lang).toBe('fr-FR');
    expect(findClaims(doc, { lang: 'en' }).lang).toBe('en');
    doc.documentElement.removeAttribute('lang');
    expect(pageLanguage(doc)).toBe('en');
  });

  it('finds nothing on a page without an article', () => {
    const result = findClaims(page('<nav><a href="/">Home</a></nav><p>Welcome!</p>'));
    expect(result).toMatchObject({ roots: [], sentences: 0, claims: [] });
  });
});

describe('findClaimsIncrementally', () => {
  it('finds what findClaims finds (in-page heuristic vs Readability), yielding between slices', async () => {
    const doc = page(
      ARTICLE.replace('<p>It was sunny.</p>', '<p>Sales rose 5% in 2023, the report said.</p>'.repeat(120)),
    );
    let yields = 0;
    const result = await findClaimsIncrementally(doc, { threshold: 0 }, async () => {
      yields++;
    });
    const sync = findClaims(doc, { threshold: 0 });
    expect(result.claims.map((c) => [c.text, c.score])).toEqual(sync.claims.map((c) => [c.text, c.score]));
    expect(result.sentences).toBe(sync.sentences);
    expect(yields).toBeGreaterThanOrEqual(Math.ceil(sync.sentences / 50));
  });
});

describe('findClaimsInBlocks', () => {
  const SENTENCE =
    'Critics say the plan, which relies on a new tax on property sales, would push rents higher across the region.';

  it('keeps the scores it is given for sentences already scored, and scores the rest', () => {
    const doc = page(ARTICLE);
    const blocks = [...doc.querySelectorAll('#body > p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    const known = new Map([[SENTENCE, { score: 0.123, cues: ['comparison' as const] }]]);
    const found = findClaimsInBlocks(doc, blocks, { threshold: 0, known })!;
    const critics = found.claims.find((c) => c.text === SENTENCE);
    expect(critics).toMatchObject({ score: 0.123, cues: ['comparison'] });
    const others = found.claims.filter((c) => c.text !== SENTENCE);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.score !== 0.123)).toBe(true);
  });

  it("maps the blocks onto the caller's index of the body as onto its own", () => {
    const doc = page(ARTICLE);
    const blocks = [...doc.querySelectorAll('#body > p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    const plain = (found: ReturnType<typeof findClaimsInBlocks>) =>
      found && { ...found, claims: found.claims.map(({ range, ...claim }) => ({ ...claim, range: range.toString() })) };
    const own = findClaimsInBlocks(doc, blocks, { threshold: 0 });
    expect(own?.claims.length).toBeGreaterThan(0);
    expect(plain(findClaimsInBlocks(doc, blocks, { threshold: 0, bodyIndex: buildTextIndex(doc.body) }))).toEqual(
      plain(own),
    );
  });
});

describe('findClaimsIncrementally stopped between slices', () => {
  it("rejects with the caller's reason, and a later call warms up and finds the claims", async () => {
    vi.resetModules();
    const fresh = await import('./find-claims');
    document.body.innerHTML = `<article>${'<p>Officials said on Tuesday that unemployment fell to 3.9% in March, the lowest rate in years.</p>'.repeat(6)}</article>`;
    let calls = 0;
    const stopAtSecond = async () => {
      calls += 1;
      if (calls === 2) throw new Error('stop');
    };
    await expect(fresh.findClaimsIncrementally(document, { threshold: 0 }, stopAtSecond)).rejects.toThrow('stop');
    const found = await fresh.findClaimsIncrementally(document, { threshold: 0 }, async () => {});
    expect(found.claims.length).toBeGreaterThan(0);
  });
});
