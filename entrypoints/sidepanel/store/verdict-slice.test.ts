import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '@/lib/messaging/protocol';
import { ClaimlensDb } from '@/storage/db';
import { localVerdictDrafts, type DraftStorage, type VerdictDraft } from '@/storage/drafts';
import { setPageVerdict } from '@/storage/verdict';
import { createPanelStore, type PanelDeps } from './panel-store';
import { readyPage } from './page-state.fixture';
import { VERDICT_SAVE_DELAY_MS } from './verdict-slice';

const pageA = readyPage({ url: 'https://news.example/a', title: 'A', site: 'News' }, []);
const pageB = readyPage({ url: 'https://news.example/b', title: 'B', site: 'News' }, []);
const refA = { url: pageA.page.url, title: 'A', site: 'News' };

let db: ClaimlensDb;
let drafts: DraftStorage<VerdictDraft>;
let pages: Record<number, PageState>;
let clock: number;

function panel(overrides: Partial<PanelDeps> = {}) {
  return createPanelStore({
    db,
    getPageState: async (tabId) => pages[tabId]!,
    showClaim: async () => true,
    refreshTab: async () => undefined,
    now: () => clock,
    verdictDrafts: drafts,
    ...overrides,
  });
}

const storedVerdict = async (url = pageA.page.url) => (await db.pages.get(url))?.verdict;

beforeEach(async () => {
  // Only the debounce's timers are faked: IndexedDB (fake-indexeddb) keeps its own scheduling.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  db = new ClaimlensDb(`verdict-slice-${crypto.randomUUID()}`);
  await db.open();
  drafts = localVerdictDrafts(localStorage);
  pages = { 7: pageA, 8: pageB };
  clock = 1000;
});
afterEach(() => vi.useRealTimers());

describe('the page verdict in the panel', () => {
  it('is saved after a pause in typing, kept as a draft until then', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editVerdict('Mostly');
    clock += 100;
    store.getState().editVerdict('Mostly sound.');
    expect(store.getState().verdictDrafts).toEqual({ [pageA.page.url]: 'Mostly sound.' });
    expect(drafts.all().map((d) => d.verdict)).toEqual(['Mostly sound.']);
    await vi.advanceTimersByTimeAsync(VERDICT_SAVE_DELAY_MS - 1);
    expect(await storedVerdict()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect(await storedVerdict()).toBe('Mostly sound.'));
    await vi.waitFor(() => expect(store.getState().verdictDrafts).toEqual({}));
    expect(store.getState().storedVerdict).toMatchObject({ url: pageA.page.url, verdict: 'Mostly sound.' });
    expect(store.getState().verdictSaves[pageA.page.url]).toEqual({ kind: 'done', message: 'Saved' });
    expect(drafts.all()).toEqual([]);
    // A page record made for the verdict alone: no claims, visited now.
    expect(await db.pages.get(pageA.page.url)).toMatchObject({ title: 'A', counts: { unreviewed: 0 } });
  });

  it('is saved at once when flushed (focus left the field), and cleared by an empty one', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editVerdict('Sound.');
    await store.getState().flushVerdict();
    expect(await storedVerdict()).toBe('Sound.');
    store.getState().editVerdict('');
    await store.getState().flushVerdict();
    expect(await db.pages.get(pageA.page.url)).not.toHaveProperty('verdict');
  });

  it('survives a panel closed within the pause: the next panel saves the draft', async () => {
    const first = panel();
    await first.getState().followTab(7);
    first.getState().editVerdict('Typed, then the panel crashed');
    vi.clearAllTimers(); // the panel is gone without any event (a crash): its save never runs
    expect(await storedVerdict()).toBeUndefined();

    const reopened = panel();
    await reopened.getState().followTab(8);
    await vi.waitFor(async () => expect(await storedVerdict()).toBe('Typed, then the panel crashed'));
    await vi.waitFor(() => expect(drafts.all()).toEqual([]));
  });

  it('drops a draft whose page verdict was changed elsewhere after it was typed', async () => {
    await setPageVerdict(db, refA, 'Before', 500);
    const first = panel();
    await first.getState().followTab(7);
    await vi.waitFor(() => expect(first.getState().storedVerdict?.verdict).toBe('Before'));
    first.getState().editVerdict('Typed here');
    vi.clearAllTimers();
    await setPageVerdict(db, refA, 'Changed in another panel', 2000);

    panel();
    await vi.waitFor(() => expect(drafts.all()).toEqual([]));
    expect(await storedVerdict()).toBe('Changed in another panel');
  });

  it('is saved when the panel closes', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editVerdict('Closing now');
    store.getState().dispose();
    await vi.waitFor(async () => expect(await storedVerdict()).toBe('Closing now'));
  });

  it('is saved on the page it was typed for when the tab switches before the save', async () => {
    const store = panel();
    await store.getState().followTab(7);
    store.getState().editVerdict('Typed on A');
    await store.getState().followTab(8);
    await vi.runAllTimersAsync();
    await vi.waitFor(async () => expect(await storedVerdict()).toBe('Typed on A'));
    expect(await db.pages.get(pageB.page.url)).toBeUndefined();
    await vi.waitFor(() => expect(store.getState().storedVerdict).toMatchObject({ url: pageB.page.url, verdict: '' }));
  });

  it('updates live when another panel changes it', async () => {
    const store = panel();
    await store.getState().followTab(7);
    await vi.waitFor(() => expect(store.getState().storedVerdict).toMatchObject({ verdict: '' }));
    const other = panel();
    await other.getState().followTab(7);
    other.getState().editVerdict('From the other window');
    await other.getState().flushVerdict();
    await vi.waitFor(() =>
      expect(store.getState().storedVerdict).toMatchObject({ url: pageA.page.url, verdict: 'From the other window' }),
    );
  });

  it('says why when the save fails, keeping the text typed', async () => {
    const store = panel();
    await store.getState().followTab(7);
    db.close();
    store.getState().editVerdict('Cannot be stored');
    await store.getState().flushVerdict();
    expect(store.getState().verdictSaves[pageA.page.url]).toMatchObject({ kind: 'error' });
    expect(store.getState().verdictSaves[pageA.page.url]?.message).toMatch(/^Not saved: /);
    expect(store.getState().verdictDrafts[pageA.page.url]).toBe('Cannot be stored');
    expect(drafts.all().map((d) => d.verdict)).toEqual(['Cannot be stored']);
  });

  it('is part of the page the panel exports, even with no claim', async () => {
    const store = panel({ now: () => Date.UTC(2026, 10, 28) });
    await store.getState().followTab(7);
    store.getState().editVerdict('Opinion piece; nothing to check.');
    await store.getState().flushVerdict();
    const file = await store.getState().exportPage(null);
    expect(file?.fileName).toBe('a.md');
    expect(file?.text).toContain('\n\n**Verdict:** Opinion piece; nothing to check.\n');
  });
});
