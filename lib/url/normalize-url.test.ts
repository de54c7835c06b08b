import { describe, expect, it } from 'vitest';
import { normalizeUrl, pageKey, siteOf } from './normalize-url';

describe('normalizeUrl', () => {
  it('drops fragments and tracking parameters but keeps meaningful ones', () => {
    expect(normalizeUrl('https://news.example/story?id=42&utm_source=x&fbclid=abc&gclid=1&mc_cid=2#comments')).toBe(
      'https://news.example/story?id=42',
    );
    expect(normalizeUrl('https://news.example/story?utm_medium=email')).toBe('https://news.example/story');
  });

  it('drops default ports and lowercases the host', () => {
    expect(normalizeUrl('HTTPS://News.Example:443/a')).toBe('https://news.example/a');
  });

  it('leaves a non-URL alone', () => {
    expect(normalizeUrl('not a url')).toBe('not a url');
  });
});

describe('pageKey', () => {
  it('prefers a same-origin canonical link', () => {
    expect(pageKey('https://www.news.example/amp/story?utm_source=x', '/story')).toBe('https://www.news.example/story');
    expect(pageKey('https://www.news.example/amp/s', 'https://www.news.example/s#top')).toBe(
      'https://www.news.example/s',
    );
    // Another origin, even the same name without www: whole origins are compared.
    expect(pageKey('https://www.news.example/amp/s', 'https://news.example/s')).toBe('https://www.news.example/amp/s');
  });

  it('ignores a canonical link to another site or scheme', () => {
    expect(pageKey('https://blog.example/post', 'https://elsewhere.example/post')).toBe('https://blog.example/post');
    expect(pageKey('https://blog.example/post', 'javascript:alert(1)')).toBe('https://blog.example/post');
  });

  it('compares sites without www', () => {
    expect(siteOf('https://www.example.com/a')).toBe('example.com');
  });
});
