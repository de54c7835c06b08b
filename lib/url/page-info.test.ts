import { describe, expect, it } from 'vitest';
import { readPageInfo } from './page-info';

describe('readPageInfo', () => {
  it('reads title, site and language from the page metadata, keyed by the canonical URL', () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    document.head.innerHTML = '<title>Story | Paper</title><meta property="og:site_name" content="The Paper">'
      + '<link rel="canonical" href="https://www.paper.example/story">';
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
});
