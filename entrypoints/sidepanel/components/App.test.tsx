import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '@/lib/messaging/protocol';
import { ClaimlensDb } from '@/storage/db';
import { App } from './App';
import { mountPanel } from './mount-panel.fixture';
import { createPanelStore } from '../store/panel-store';
import { PanelStoreContext } from '../store/use-panel';
import { readyPage } from '../store/page-state.fixture';

const state = (claims: PageState['claims'], phase: PageState['phase'] = 'ready'): PageState =>
  readyPage({ url: 'https://news.example/story', title: 'Musk threatens to sue', site: 'Evoclique' }, claims, phase);

const quote = {
  id: 'q',
  exact: '“They trained illegally using Twitter data.”',
  selectors: [],
  origin: 'auto' as const,
  cues: ['quote' as const],
  anchored: true,
};
const orphan = {
  id: 'o',
  exact: 'A sentence the publisher removed.',
  selectors: [],
  origin: 'manual' as const,
  anchored: false,
};

const mount = (page: PageState | Error) => mountPanel(page);

beforeEach(() => vi.useRealTimers());
afterEach(cleanup);

/** Clicks the row of the claim with this text: it opens into the editor. */
function openClaim(text: string): HTMLElement {
  const item = screen.getAllByRole('listitem').find((li) => li.textContent?.includes(text));
  if (!item) throw new Error(`no claim with ${text}`);
  fireEvent.click(item.querySelector('blockquote')!);
  return item;
}

describe('side panel', () => {
  it('lists claims as rows; the selected one opens with named toggle buttons and a note box', async () => {
    const figure = { ...quote, id: 'f', exact: 'Fees reach $210,000 per month.', cues: ['figure' as const] };
    const { store } = await mount(state([quote, figure]));
    const rows = within(screen.getByRole('list', { name: 'Claims' })).getAllByRole('listitem');
    expect(rows.map((li) => within(li).queryByRole('textbox', { name: 'Note' }))).toEqual([null, null]);
    expect(rows[0]!.textContent).toContain('unreviewed');
    expect(openClaim('Fees reach').getAttribute('aria-current')).toBe('true');
    expect(store.getState().selectedId).toBe('f');
    const item = openClaim('They trained illegally');
    expect(screen.getAllByRole('textbox', { name: 'Note' })).toHaveLength(1);
    expect(item.textContent).toContain('They trained illegally using Twitter data.');
    expect(within(item).getByRole('button', { name: 'Sourced' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(item).getByRole('button', { name: 'Unsourced' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(item).getByRole('textbox', { name: 'Note' })).toBeTruthy();
    expect(within(item).getByText('quote')).toBeTruthy();
  });

  it('marks a claim unsourced, saves it and says so', async () => {
    const { db } = await mount(state([quote]));
    openClaim('They trained');
    fireEvent.click(screen.getByRole('button', { name: 'Unsourced' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect((await db.claims.get('q'))?.status).toBe('unsourced');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Unsourced' }).getAttribute('aria-pressed')).toBe('true'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unsourced' }));
    await waitFor(async () => expect((await db.claims.get('q'))?.status).toBe('unreviewed'));
  });

  it('saves the note when focus leaves it', async () => {
    const { db } = await mount(state([quote]));
    openClaim('They trained');
    const note = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(note, { target: { value: 'Only a tweet; no filing.' } });
    fireEvent.blur(note);
    await waitFor(async () => expect((await db.claims.get('q'))?.note).toBe('Only a tweet; no filing.'));
  });

  it('lists orphans apart', async () => {
    await mount(state([quote, orphan]));
    const orphans = screen.getByRole('list', { name: 'Claims no longer on the page' });
    expect(orphans.textContent).toContain('A sentence the publisher removed.');
    expect(within(orphans).queryByRole('button', { name: 'Show on page' })).toBeNull();
  });

  it.each([
    [state([], 'no-article'), 'No article on this page'],
    [state([], 'ready'), 'No claims found'],
    [new Error('no receiver'), 'Nothing to check here'],
  ])('shows an empty state that explains itself (%#)', async (page, heading) => {
    await mount(page);
    expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export Markdown' }).hasAttribute('disabled')).toBe(true);
  });

  it('renders page text as text, never as HTML', async () => {
    await mount(state([{ ...quote, exact: '<img src=x onerror="alert(1)"> **bold**' }]));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('listitem').textContent).toContain('<img src=x onerror="alert(1)">');
  });
});

describe('destructive actions', () => {
  it('dismisses a suggestion with "Not a claim" and offers Undo', async () => {
    const { db } = await mount(state([quote]));
    openClaim('They trained');
    fireEvent.click(screen.getByRole('button', { name: 'Not a claim' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy());
    expect(await db.dismissals.get('q')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.dismissals.get('q')).toBeUndefined());
  });
});

describe('keyboard', () => {
  const figure = { ...quote, id: 'f', exact: 'Fees reach $210,000 per month.', cues: ['figure' as const] };

  it('moves between claims with j/k and judges them with s/u/r', async () => {
    const { db } = await mount(state([quote, figure]));
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-claim-id')).toBe('q'));
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-claim-id')).toBe('f'));
    expect(document.querySelector('[aria-current="true"]')?.getAttribute('data-claim-id')).toBe('f');
    fireEvent.keyDown(document.body, { key: 'u' });
    await waitFor(async () => expect((await db.claims.get('f'))?.status).toBe('unsourced'));
    fireEvent.keyDown(document.body, { key: 'k' });
    fireEvent.keyDown(document.body, { key: 's' });
    await waitFor(async () => expect((await db.claims.get('q'))?.status).toBe('sourced'));
    fireEvent.keyDown(document.body, { key: 'r' });
    await waitFor(async () => expect((await db.claims.get('q'))?.status).toBe('unreviewed'));
  });

  it('n focuses the note, Escape leaves it, and letters typed there are text, not commands', async () => {
    const { db } = await mount(state([quote]));
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'n' });
    const note = screen.getByRole('textbox', { name: 'Note' });
    expect(document.activeElement).toBe(note);
    fireEvent.keyDown(note, { key: 's' });
    expect(await db.claims.get('q')).toBeUndefined();
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(document.activeElement?.getAttribute('data-claim-id')).toBe('q');
  });

  it('filters and searches', async () => {
    await mount(state([quote, figure]));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search claims' }), { target: { value: '210,000' } });
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('data-claim-id'))).toEqual(['f']),
    );
    fireEvent.click(screen.getByRole('button', { name: '0 sourced' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'No claims match' })).toBeTruthy());
  });

  it('? lists the keys', async () => {
    await mount(state([quote]));
    fireEvent.keyDown(document.body, { key: '?' });
    await waitFor(() => expect(screen.getByText('Keyboard shortcuts')).toBeTruthy());
    expect(screen.getByText('next claim')).toBeTruthy();
  });
});

describe('views', () => {
  it('settings turn finding off for the site and the page view says how to turn it back on', async () => {
    const { db, store } = await mount(state([], 'ready'));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Find claims on news.example' }));
    await waitFor(async () => expect((await db.settings.get('settings'))?.quietSites).toEqual(['news.example']));
    store.setState({ page: { ...state([], 'ready'), finding: 'off-for-site' } });
    fireEvent.click(screen.getByRole('button', { name: 'This page' }));
    expect(screen.getByRole('heading', { name: 'Finding is off for news.example' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Find claims on news.example' }));
    await waitFor(async () => expect((await db.settings.get('settings'))?.quietSites).toEqual([]));
  });

  it('the library lists annotated pages newest first and searches every note', async () => {
    const opened: string[] = [];
    const db = new ClaimlensDb(`lib-${crypto.randomUUID()}`);
    const store = createPanelStore({
      db,
      getPageState: async () => state([]),
      showClaim: async () => true,
      refreshTab: async () => undefined,
    });
    const counts = { unreviewed: 0, sourced: 1, unsourced: 0 };
    await db.pages.bulkPut([
      { url: 'https://a.example/old', title: 'Old story', site: 'A', firstVisit: 1, lastVisit: 1, counts },
      { url: 'https://b.example/new', title: 'New story', site: 'B', firstVisit: 2, lastVisit: 5, counts },
    ]);
    await db.claims.put({
      id: 'c',
      pageUrl: 'https://a.example/old',
      exact: 'Taxes doubled.',
      note: 'IRS table 4',
      status: 'sourced',
      selectors: [],
      origin: 'manual',
      evidence: [],
      createdAt: 1,
      updatedAt: 1,
    });
    render(
      <PanelStoreContext.Provider value={store}>
        <App openPage={(url) => opened.push(url)} />
      </PanelStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    const list = await screen.findByRole('list', { name: 'Annotated pages' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['New story', 'Old story']),
    );
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search all claims' }), { target: { value: 'irs' } });
    const hits = await screen.findByRole('list', { name: 'Matching claims' });
    fireEvent.click(within(hits).getByRole('button'));
    expect(opened).toEqual(['https://a.example/old']);
  });

  it('the library never opens a page address that is not http(s)', async () => {
    const opened: string[] = [];
    const db = new ClaimlensDb(`lib-${crypto.randomUUID()}`);
    const store = createPanelStore({
      db,
      getPageState: async () => state([]),
      showClaim: async () => true,
      refreshTab: async () => undefined,
    });
    const counts = { unreviewed: 0, sourced: 1, unsourced: 0 };
    await db.pages.put({
      url: 'data:text/html,<script>alert(1)</script>',
      title: 'Imported',
      site: 'x',
      firstVisit: 1,
      lastVisit: 1,
      counts,
    });
    render(
      <PanelStoreContext.Provider value={store}>
        <App openPage={(url) => opened.push(url)} />
      </PanelStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    const list = await screen.findByRole('list', { name: 'Annotated pages' });
    const button = await within(list).findByRole('button', { name: 'Imported' });
    fireEvent.click(button);
    expect(opened).toEqual([]);
  });
});

describe('long lists', () => {
  it('shows the first cards at once and the rest in following tasks', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...quote,
      id: `c${i}`,
      exact: `Claim number ${i} cost $${i} million.`,
    }));
    await mount(state(many));
    const list = screen.getByRole('list', { name: 'Claims' });
    expect(list.children.length).toBeLessThan(300);
    expect(list.children.length).toBeGreaterThan(0);
    // Batches are sized by how long the last one took, so a busy machine needs more of them (the wait has no pace).
    await waitFor(() => expect(list.children.length).toBe(300));
    expect(list.getAttribute('aria-busy')).toBeNull();
  });
});

describe('header counts and next unreviewed', () => {
  const figure = { ...quote, id: 'f', exact: 'Fees reach $210,000 a month.', cues: ['figure' as const] };

  it('filters the list by a status when its count is pressed, and back to all when pressed again', async () => {
    const { store } = await mount(state([quote, figure]));
    await store.getState().setStatus('f', 'sourced');
    const counts = screen.getByRole('group', { name: /Claims per status/ });
    await waitFor(() => expect(within(counts).getByRole('button', { name: '1 sourced' })).toBeTruthy());
    fireEvent.click(within(counts).getByRole('button', { name: '1 sourced' }));
    expect(within(counts).getByRole('button', { name: '1 sourced' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Fees reach'),
    ]);
    fireEvent.click(within(counts).getByRole('button', { name: '1 sourced' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('selects the next claim still waiting for a verdict, by button and by "g"', async () => {
    const { store } = await mount(state([quote, figure]));
    await store.getState().setStatus('q', 'unsourced');
    await waitFor(() => expect(store.getState().stored.get('q')?.status).toBe('unsourced'));
    fireEvent.click(screen.getByRole('button', { name: 'Next unreviewed' }));
    expect(store.getState().selectedId).toBe('f');
    await store.getState().setStatus('f', 'sourced');
    fireEvent.keyDown(document, { key: 'g' });
    expect(store.getState().selectedId).toBe('f');
    expect(screen.getByRole('button', { name: 'Next unreviewed' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('order, first run and one open claim', () => {
  const low = { ...quote, id: 'low', exact: 'The weather was mild.', score: 0.2 };
  const high = { ...quote, id: 'high', exact: 'Fees reach $210,000 per month.', score: 0.9 };
  const rowIds = () =>
    within(screen.getByRole('list', { name: 'Claims' }))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-claim-id'));

  it('orders by check-worthiness or status on request, and keeps the choice', async () => {
    const { db, store } = await mount(state([low, high]));
    expect(rowIds()).toEqual(['low', 'high']);
    const order = screen.getByRole('combobox', { name: 'Order' }) as HTMLSelectElement;
    order.value = 'check-worthy';
    fireEvent.input(order);
    await waitFor(() => expect(rowIds()).toEqual(['high', 'low']));
    await waitFor(async () => expect((await db.settings.get('settings'))?.claimOrder).toBe('check-worthy'));
    await store.getState().setStatus('high', 'sourced');
    order.value = 'status';
    fireEvent.input(order);
    await waitFor(() => expect(rowIds()).toEqual(['low', 'high']));
  });

  it('shows the first-run hint until the reader closes it, for good', async () => {
    const { db } = await mount(state([quote]));
    const hint = await screen.findByRole('complementary', { name: 'How Claimlens works' });
    expect(hint.textContent).toContain('Dotted underline');
    fireEvent.click(within(hint).getByRole('button', { name: 'Got it' }));
    expect(screen.queryByRole('complementary', { name: 'How Claimlens works' })).toBeNull();
    await waitFor(async () => expect((await db.settings.get('settings'))?.firstRunHintDone).toBe(true));
  });

  it('keeps an evidence address typed in a claim that closed and opened again', async () => {
    await mount(state([low, high]));
    openClaim('weather');
    fireEvent.input(screen.getByRole('textbox', { name: 'Evidence link' }), {
      target: { value: 'https://example.org/report' },
    });
    openClaim('Fees reach');
    expect((screen.getByRole('textbox', { name: 'Evidence link' }) as HTMLInputElement).value).toBe('');
    openClaim('weather');
    expect((screen.getByRole('textbox', { name: 'Evidence link' }) as HTMLInputElement).value).toBe(
      'https://example.org/report',
    );
  });
});
