import { describe, expect, it } from 'vitest';
import { newManualClaimRequest, storedClaimsRequest } from '../messaging/validate';
import { clip, MAX_PAGE_SITE_LENGTH, MAX_PAGE_TITLE_LENGTH, MAX_PAGE_URL_LENGTH, readPageInfo } from './page-info';

describe('readPageInfo', () => {
  it('reads title, site and language from the page metadata, keyed by the canonical URL', () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    document.head.innerHTML =
      '<title>Story | Paper</title><meta property="og:site_name" content="The Paper">' +
      '<link rel="canonical" href="https://www.paper.example/story">';
    expect(readPageInfo(document, 'https://www.paper.example/story?utm_source=x#top')).toEqual({
      url: 'https://www.paper.example/story',
      title: 'Story | Paper',
      site: 'The Paper',
      lang: 'en-GB',
    });
  });

  it('falls back to the host and the location without metadata', () => {
    document.documentElement.removeAttribute('lang');
    document.head.innerHTML = '';
    expect(readPageInfo(document, 'https://www.blog.example/p?id=3')).toEqual({
      url: 'https://www.blog.example/p?id=3',
      title: 'https://www.blog.example/p?id=3',
      site: 'blog.example',
      lang: '',
    });
  });

  it('cuts a title, site or address too long for the background to accept, so marking and saved claims still work', () => {
    document.documentElement.removeAttribute('lang');
    document.head.innerHTML = `<title>${'Headline '.repeat(400)}😀</title><meta property="og:site_name" content="${'S'.repeat(900)}">`;
    const location = `https://www.paper.example/story?q=${'x'.repeat(9000)}`;
    const info = readPageInfo(document, location);
    expect(info.title.length).toBeLessThanOrEqual(MAX_PAGE_TITLE_LENGTH);
    expect(info.title.endsWith('…')).toBe(true);
    expect(info.site.length).toBeLessThanOrEqual(MAX_PAGE_SITE_LENGTH);
    expect(info.url.length).toBe(MAX_PAGE_URL_LENGTH);
    expect(location.startsWith(info.url)).toBe(true);
    // What the background checks: the content script's requests with these values pass.
    expect(storedClaimsRequest.safeParse({ url: info.url }).success).toBe(true);
    expect(
      newManualClaimRequest.safeParse({
        page: { url: info.url, title: info.title, site: info.site },
        exact: 'A claim.',
        selectors: [{ type: 'TextQuoteSelector', exact: 'A claim.', prefix: '', suffix: '' }],
      }).success,
    ).toBe(true);
  });

  it('never splits a surrogate pair when cutting', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀cd', 5, '…')).toBe('ab😀…');
    expect(clip('a😀cd', 3, '…')).toBe('a…');
    expect(clip('short', 10, '…')).toBe('short');
  });
});
