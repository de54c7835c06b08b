import { describe, expect, it } from 'vitest';
import { pageKey } from './normalize-url';
import { originOf, samePublisher } from './same-page-owner';

describe('samePublisher', () => {
  it('compares whole origins: scheme, host and port', () => {
    expect(samePublisher('https://news.example/a', 'https://news.example/b')).toBe(true);
    expect(samePublisher('http://news.example:8080/a', 'https://news.example/a')).toBe(false);
    expect(samePublisher('http://news.example/a', 'https://news.example/a')).toBe(false);
    expect(samePublisher('https://news.example/a', 'https://evil.news.example/a')).toBe(false);
  });

  it('keeps authors apart on shared hosts', () => {
    expect(samePublisher('https://uni.example/~alice/post', 'https://uni.example/~bob/post')).toBe(false);
    expect(samePublisher('https://uni.example/~alice/post', 'https://uni.example/~alice/other')).toBe(true);
    expect(samePublisher('https://medium.com/@alice/a-1', 'https://medium.com/@bob/b-2')).toBe(false);
    expect(samePublisher('https://medium.com/@alice/a-1', 'https://medium.com/@alice/a-2')).toBe(true);
  });

  it('lets a publisher point its AMP or dated variants at the article', () => {
    expect(samePublisher('https://news.example/amp/world/story', 'https://news.example/world/story')).toBe(true);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(originOf('data:text/html,hi')).toBe('');
    expect(samePublisher('data:text/html,hi', 'data:text/html,hi')).toBe(false);
  });
});

describe('pageKey with a canonical link', () => {
  it('takes a same-origin canonical URL', () => {
    expect(pageKey('https://news.example/amp/story?utm_source=x', '/story')).toBe('https://news.example/story');
  });

  it("ignores a canonical URL on another origin or another author's path", () => {
    expect(pageKey('http://news.example:8080/story', 'https://news.example/story')).toBe(
      'http://news.example:8080/story',
    );
    expect(pageKey('https://uni.example/~mallory/copy', 'https://uni.example/~alice/article')).toBe(
      'https://uni.example/~mallory/copy',
    );
  });
});
