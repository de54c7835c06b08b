import { describe, expect, it, vi } from 'vitest';
import { MAX_ARTICLE_HTML } from '@/lib/messaging/validate';
import { createArticleHandler } from './article-route';

const page = { id: 'ext', url: 'https://news.example/a', tab: { id: 3, url: 'https://news.example/a' } };

describe('article:blocks handler', () => {
  it('passes a valid page to the backend and answers its blocks', async () => {
    const backend = vi.fn(async () => ['First paragraph of the story, long enough.']);
    const handler = createArticleHandler('ext', backend);
    expect(await handler({ html: '<p>x</p>', url: 'https://news.example/a' }, page)).toEqual({
      blocks: ['First paragraph of the story, long enough.'],
    });
    expect(backend).toHaveBeenCalledWith('<p>x</p>', 'https://news.example/a');
  });

  it('refuses other extensions, non-http pages and oversized pages without parsing anything', async () => {
    const backend = vi.fn(async () => null);
    const handler = createArticleHandler('ext', backend);
    await expect(handler({ html: '', url: 'https://news.example/a' }, { ...page, id: 'other' })).rejects.toThrow(
      /another extension/,
    );
    await expect(handler({ html: '', url: 'file:///etc/passwd' }, page)).rejects.toThrow(/http\(s\) URL/);
    await expect(
      handler({ html: 'x'.repeat(MAX_ARTICLE_HTML + 1), url: 'https://news.example/a' }, page),
    ).rejects.toThrow(/longer than/);
    expect(backend).not.toHaveBeenCalled();
  });
});
