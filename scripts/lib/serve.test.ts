// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPageExists, isLocalUrl, startServer, type PageServer } from './serve.ts';

describe('page server', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and serves the sample article with its stylesheet', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(server.sampleUrl);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('They trained illegally using Twitter data');
    expect((await fetch(`${server.origin}/sample/style.css`)).headers.get('content-type')).toMatch(/text\/css/);
  });

  it.runIf(corpusPageExists('bbc-1'))('serves a corpus page as a folder', async () => {
    const page = await fetch(server.corpusUrl('bbc-1'));
    expect(page.status).toBe(200);
    expect((await fetch(`${server.origin}/corpus/bbc-1`, { redirect: 'manual' })).status).toBe(302);
  });

  it('never serves anything outside the two folders', async () => {
    for (const path of [
      '/sample/../package.json',
      '/sample/%2e%2e/package.json',
      '/corpus/../package.json/',
      '/package.json',
    ]) {
      expect((await fetch(server.origin + path)).status, path).toBe(404);
    }
    expect((await fetch(`${server.origin}/corpus/no-such-page/`)).status).toBe(404);
  });

  it('tells local URLs from the live web', () => {
    expect(isLocalUrl(`${server.origin}/sample/`)).toBe(true);
    expect(isLocalUrl('chrome-extension://abc/sidepanel.html')).toBe(true);
    expect(isLocalUrl('data:text/plain,hi')).toBe(true);
    expect(isLocalUrl('https://static.bbci.co.uk/x.js')).toBe(false);
    expect(isLocalUrl('http://localhost.evil.example/')).toBe(false);
  });
});
