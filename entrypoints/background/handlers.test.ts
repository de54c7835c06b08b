import { beforeEach, describe, expect, it } from 'vitest';
import { ClaimlensDb } from '@/storage/db';
import { createHandlers } from './handlers';

const url = 'https://news.example/story';
const pageSender = { id: 'ext', url, tab: { id: 4, url } };
const request = {
  page: { url, title: 'Story', site: 'News' },
  exact: '  Fees reach\n$210,000 a month. ',
  selectors: [{ type: 'TextQuoteSelector', exact: 'Fees reach $210,000 a month.', prefix: '', suffix: '' }],
};

let db: ClaimlensDb;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(async () => {
  db = new ClaimlensDb(`bg-${crypto.randomUUID()}`);
  await db.open();
  handlers = createHandlers(db, 'ext', () => 42);
});

describe('background handlers', () => {
  it('stores a claim marked by hand and returns it to its page', async () => {
    const claim = await handlers.createClaim(request, pageSender);
    expect(claim).toMatchObject({
      origin: 'manual',
      status: 'unreviewed',
      exact: 'Fees reach $210,000 a month.',
      createdAt: 42,
    });
    expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await handlers.annotations({ url }, pageSender)).claims.map((c) => c.id)).toEqual([claim.id]);
    expect(await db.pages.get(url)).toMatchObject({
      title: 'Story',
      counts: { unreviewed: 1, sourced: 0, unsourced: 0 },
    });
  });

  it('refuses a page that asks for or writes to another site, and stores nothing', async () => {
    const evil = { id: 'ext', url: 'https://evil.example/', tab: { id: 5, url: 'https://evil.example/' } };
    await expect(handlers.createClaim(request, evil)).rejects.toThrow(/asked for/);
    await expect(handlers.annotations({ url }, evil)).rejects.toThrow(/asked for/);
    expect(await db.claims.count()).toBe(0);
  });

  it('answers garbage with an error, not a crash', async () => {
    await expect(handlers.createClaim({ exact: 1 }, pageSender)).rejects.toThrow(/Invalid message/);
    await expect(handlers.annotations('nonsense', pageSender)).rejects.toThrow(/Invalid message/);
  });
});

describe('annotations', () => {
  it("returns the page's dismissed suggestions with its claims", async () => {
    await db.dismissals.put({ id: 'd1', pageUrl: url, exact: 'Not a claim.', createdAt: 1 });
    await db.dismissals.put({ id: 'd2', pageUrl: 'https://news.example/other', exact: 'Elsewhere.', createdAt: 1 });
    expect((await handlers.annotations({ url }, pageSender)).dismissals.map((d) => d.id)).toEqual(['d1']);
  });
});

describe('badge', () => {
  it('shows the unreviewed count on the sender tab, nothing at zero', () => {
    expect(handlers.badge({ unreviewed: 7 }, pageSender)).toEqual({ tabId: 4, text: '7' });
    expect(handlers.badge({ unreviewed: 0 }, pageSender)).toEqual({ tabId: 4, text: '' });
    expect(handlers.badge({ unreviewed: 5000 }, pageSender)).toEqual({ tabId: 4, text: '999+' });
  });

  it('refuses bad counts and senders without a tab', () => {
    expect(() => handlers.badge({ unreviewed: -1 }, pageSender)).toThrow(/Invalid message/);
    expect(() => handlers.badge({ unreviewed: 1.5 }, pageSender)).toThrow(/Invalid message/);
    expect(() => handlers.badge({ unreviewed: 1 }, { id: 'ext' })).toThrow(/Only a page/);
  });
});
