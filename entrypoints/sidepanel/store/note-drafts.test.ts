import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '@/lib/messaging/protocol';
import { ClaimlensDb } from '@/storage/db';
import { localDrafts, type DraftStorage } from '@/storage/drafts';
import { createPanelStore, NOTE_SAVE_DELAY_MS, panelClaims, type PanelDeps } from './panel-store';
import { readyPage } from './page-state.fixture';

const pageA = readyPage({ url: 'https://news.example/a', title: 'A' }, [
  {
    id: 'a1',
    exact: 'They trained illegally.',
    selectors: [],
    origin: 'auto',
    score: 0.9,
    cues: ['quote'],
    anchored: true,
  },
]);
const pageB = readyPage({ url: 'https://news.example/b', title: 'B' }, [
  {
    id: 'b1',
    exact: 'Fees reach $210,000.',
    selectors: [],
    origin: 'auto',
    score: 0.8,
    cues: ['figure'],
    anchored: true,
  },
]);

let db: ClaimlensDb;
let drafts: DraftStorage;
let pages: Record<number, PageState>;
let clock: number;

function panel(overrides: Partial<PanelDeps> = {}) {
  return createPanelStore({
    db,
    getPageState: async (tabId) => pages[tabId]!,
    showClaim: async () => true,
    refreshTab: async () => undefined,
    now: () => clock,
    drafts,
    ...overrides,
  });
}

beforeEach(async () => {
  // Only the debounce's timers are faked: IndexedDB (fake-indexeddb) keeps its own scheduling.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  db = new ClaimlensDb(`drafts-${crypto.randomUUID()}`);
  await db.open();
  drafts = localDrafts(localStorage);
  pages = { 7: pageA, 8: pageB };
  clock = 1000;
});
afterEach(() => vi.useRealTimers());

describe('typed notes', () => {
  it('survive a panel closed within the debounce: the reopened panel has the note', async () => {
    const first = panel();
    await first.getState().followTab(7);
    first.getState().editNote('a1', 'Only a tweet');
    clock += 50;
    first.getState().editNote('a1', 'Only a tweet; no filing.');
    // The panel is gone 50 ms later without any event (a crash, a killed process): no save ran.
    expect(await db.claims.get('a1')).toBeUndefined();

    const reopened = panel();
    await reopened.getState().followTab(7);
    expect(await db.claims.get('a1')).toMatchObject({ note: 'Only a tweet; no filing.', pageUrl: pageA.page.url });
    await vi.waitFor(() => expect(panelClaims(reopened.getState())[0]?.note).toBe('Only a tweet; no filing.'));
    expect(drafts.all()).toEqual([]);
  });

  it('are saved when the panel closes (pagehide disposes the store)', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editNote('a1', 'Closing now');
    store.getState().dispose();
    await vi.waitFor(async () => expect((await db.claims.get('a1'))?.note).toBe('Closing now'));
    await vi.waitFor(() => expect(drafts.all()).toEqual([]));
  });

  it('save after a pause in typing, and the draft goes once saved', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editNote('a1', 'Draft');
    expect(store.getState().noteDrafts).toEqual({ a1: 'Draft' });
    expect(drafts.all().map((d) => d.note)).toEqual(['Draft']);
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    await vi.waitFor(async () => expect((await db.claims.get('a1'))?.note).toBe('Draft'));
    await vi.waitFor(() => expect(store.getState().noteDrafts).toEqual({}));
    expect(drafts.all()).toEqual([]);
    expect(panelClaims(store.getState())[0]?.note).toBe('Draft');
  });

  it('are saved on the page they were typed for when the tab switches before the save', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editNote('a1', 'Typed on A');
    await store.getState().followTab(8);
    await vi.runAllTimersAsync();
    await vi.waitFor(async () =>
      expect(await db.claims.get('a1')).toMatchObject({ note: 'Typed on A', pageUrl: pageA.page.url }),
    );
    expect(store.getState().saves.a1?.kind).not.toBe('error');
    expect((await db.pages.get(pageA.page.url))?.title).toBe('A');
    expect(await db.pages.get(pageB.page.url)).toBeUndefined();
  });

  it('are saved on the page they were typed for when the tab navigates before the save', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editNote('a1', 'Typed before navigating');
    pages[7] = pageB; // the tab navigated: the panel reloads the page it follows
    await store.getState().reloadPage();
    expect(store.getState().page?.page.url).toBe(pageB.page.url);
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    await vi.waitFor(async () =>
      expect(await db.claims.get('a1')).toMatchObject({ note: 'Typed before navigating', pageUrl: pageA.page.url }),
    );
    expect(store.getState().saves.a1).toEqual({ kind: 'done', message: 'Saved' });
  });

  it('a recovered draft does not overwrite a note changed elsewhere after it was typed', async () => {
    const first = panel();
    await first.getState().followTab(7);
    first.getState().editNote('a1', 'Old draft'); // then the panel dies
    clock += 10_000;
    const other = panel({ drafts: localDrafts(new Storage()) });
    await other.getState().followTab(7);
    await other.getState().setNote('a1', 'Written later elsewhere');
    clock += 10_000;
    const reopened = panel();
    await reopened.getState().followTab(7);
    expect((await db.claims.get('a1'))?.note).toBe('Written later elsewhere');
    expect(drafts.all()).toEqual([]);
  });
});

describe('localDrafts', () => {
  it('keeps one draft per claim, removes it only when no later keystroke replaced it, skips damaged entries', () => {
    const store = localDrafts(localStorage);
    const base = {
      ...pageA.claims[0]!,
      pageUrl: pageA.page.url,
      status: 'unreviewed' as const,
      note: '',
      evidence: [],
      createdAt: 1,
      updatedAt: 1,
    };
    const page = { url: pageA.page.url, title: 'A', site: 'News' };
    store.put({ id: 'a1', note: 'one', base, page, typedAt: 1 });
    store.put({ id: 'a1', note: 'two', base, page, typedAt: 2 });
    localStorage.setItem('claimlens:note-draft:bad', '{not json');
    localStorage.setItem('unrelated', 'x');
    expect(store.all().map((d) => d.note)).toEqual(['two']);
    store.remove('a1', 1); // the save of "one" finished after "two" was typed
    expect(store.all().map((d) => d.note)).toEqual(['two']);
    store.remove('a1', 2);
    expect(store.all()).toEqual([]);
  });
});
