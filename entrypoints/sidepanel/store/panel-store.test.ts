import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimlensDb } from '@/storage/db';
import { createPanelStore, NO_CONTENT_SCRIPT, panelClaims, type PanelDeps } from './panel-store';
import { readyPage } from './page-state.fixture';

const pageState = readyPage({ url: 'https://news.example/story', title: 'Story' }, [
  {
    id: 'a',
    exact: 'They trained illegally.',
    selectors: [],
    origin: 'auto',
    score: 0.9,
    cues: ['quote'],
    anchored: true,
  },
  {
    id: 'b',
    exact: 'Fees reach $210,000.',
    selectors: [],
    origin: 'auto',
    score: 0.8,
    cues: ['figure'],
    anchored: true,
  },
]);

let db: ClaimlensDb;
let deps: PanelDeps;

beforeEach(async () => {
  db = new ClaimlensDb(`panel-${crypto.randomUUID()}`);
  await db.open();
  deps = {
    db,
    getPageState: vi.fn(async () => pageState),
    showClaim: vi.fn(async () => true),
    refreshTab: vi.fn(async () => undefined),
    now: () => 1000,
  };
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('panel store', () => {
  it('lists the tab claims as unreviewed until the reader judges them', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    expect(deps.getPageState).toHaveBeenCalledWith(7);
    expect(panelClaims(store.getState()).map((c) => [c.id, c.status, c.stored])).toEqual([
      ['a', 'unreviewed', false],
      ['b', 'unreviewed', false],
    ]);
  });

  it('stores a claim when it is first tagged, then tells the page to repaint', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    await store.getState().setStatus('a', 'unsourced');
    const saved = await db.claims.get('a');
    expect(saved).toMatchObject({
      status: 'unsourced',
      pageUrl: pageState.page.url,
      exact: 'They trained illegally.',
      cues: ['quote'],
    });
    expect(store.getState().saves.a).toEqual({ kind: 'done', message: 'Saved' });
    expect(deps.refreshTab).toHaveBeenCalledWith(7);
    await settle();
    expect(panelClaims(store.getState()).find((c) => c.id === 'a')?.status).toBe('unsourced');
  });

  it('updates a stored claim note without touching its status', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    await store.getState().setStatus('b', 'sourced');
    await store.getState().setNote('b', 'Company filing, p. 3');
    expect(await db.claims.get('b')).toMatchObject({ status: 'sourced', note: 'Company filing, p. 3' });
    expect((await db.pages.get(pageState.page.url))?.counts).toEqual({ unreviewed: 0, sourced: 1, unsourced: 0 });
  });

  it('shows a change made elsewhere without reloading', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    const other = createPanelStore(deps);
    await other.getState().followTab(7);
    await other.getState().setNote('a', 'from the other panel');
    await settle();
    expect(panelClaims(store.getState()).find((c) => c.id === 'a')?.note).toBe('from the other panel');
  });

  it('explains a tab without a content script', async () => {
    deps.getPageState = vi.fn(async () => {
      throw new Error('Could not establish connection');
    });
    const store = createPanelStore(deps);
    await store.getState().followTab(3);
    expect(store.getState().page).toBeNull();
    expect(store.getState().pageNotice).toEqual({ kind: 'error', message: NO_CONTENT_SCRIPT });
  });

  it('reports a failed write and keeps the page as it was', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    db.close();
    await store.getState().setStatus('a', 'sourced');
    expect(store.getState().saves.a).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Not saved: /) });
    expect(panelClaims(store.getState()).find((c) => c.id === 'a')?.status).toBe('unreviewed');
  });
});

describe('dismiss and delete', () => {
  it('dismisses a suggestion for the page and brings it back on undo', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    await store.getState().dismiss('a');
    expect(await db.dismissals.get('a')).toMatchObject({
      pageUrl: pageState.page.url,
      exact: 'They trained illegally.',
    });
    expect(deps.refreshTab).toHaveBeenCalledWith(7);
    expect(store.getState().undo?.message).toBe('Suggestion dismissed');
    await store.getState().runUndo();
    expect(await db.dismissals.get('a')).toBeUndefined();
    expect(store.getState().undo).toBeNull();
  });

  it('deletes a stored claim and restores it with its note on undo', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    await store.getState().setNote('b', 'keep me');
    await store.getState().remove('b');
    expect(await db.claims.get('b')).toBeUndefined();
    await store.getState().runUndo();
    expect(await db.claims.get('b')).toMatchObject({ note: 'keep me' });
  });
});

describe('evidence', () => {
  it('adds http(s) links, refuses others with a message, and removes them', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    expect(await store.getState().addEvidence('a', 'javascript:alert(1)')).toMatch(/http/);
    expect(await db.claims.get('a')).toBeUndefined();
    expect(await store.getState().addEvidence('a', 'sec.gov/filing', ' 10-K ')).toBeNull();
    await settle();
    expect(await store.getState().addEvidence('a', 'https://sec.gov/filing')).toMatch(/already/);
    expect((await db.claims.get('a'))?.evidence).toEqual([{ url: 'https://sec.gov/filing', title: '10-K' }]);
    await store.getState().removeEvidence('a', 'https://sec.gov/filing');
    expect((await db.claims.get('a'))?.evidence).toEqual([]);
  });
});

describe('evidence: no lost updates', () => {
  it('keeps both links of two quick adds from one panel', async () => {
    const store = createPanelStore(deps);
    await store.getState().followTab(7);
    await Promise.all([
      store.getState().addEvidence('a', 'https://one.example/report'),
      store.getState().addEvidence('a', 'https://two.example/data'),
    ]);
    expect((await db.claims.get('a'))?.evidence.map((e) => e.url).sort()).toEqual([
      'https://one.example/report',
      'https://two.example/data',
    ]);
  });

  it('keeps both links when two panels add at once', async () => {
    const first = createPanelStore(deps);
    const second = createPanelStore(deps);
    await first.getState().followTab(7);
    await second.getState().followTab(7);
    await first.getState().setStatus('b', 'sourced');
    await Promise.all([
      first.getState().addEvidence('b', 'https://one.example/report'),
      second.getState().addEvidence('b', 'https://two.example/data'),
    ]);
    expect((await db.claims.get('b'))?.evidence.map((e) => e.url).sort()).toEqual([
      'https://one.example/report',
      'https://two.example/data',
    ]);
    first.getState().dispose();
    second.getState().dispose();
  });

  it('removes by address on a stale snapshot, keeping a link added elsewhere', async () => {
    const stale = createPanelStore(deps);
    await stale.getState().followTab(7);
    await stale.getState().addEvidence('a', 'https://one.example/report');
    stale.getState().dispose(); // this panel stops hearing about changes: its list stays [one]
    const other = createPanelStore(deps);
    await other.getState().followTab(7);
    await other.getState().addEvidence('a', 'https://two.example/data');
    // The stale panel still shows [one] at position 0 and removes it.
    await stale.getState().removeEvidence('a', 'https://one.example/report');
    expect((await db.claims.get('a'))?.evidence).toEqual([{ url: 'https://two.example/data' }]);
    other.getState().dispose();
  });
});
