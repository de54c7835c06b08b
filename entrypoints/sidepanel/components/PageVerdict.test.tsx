import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '@/lib/messaging/protocol';
import { setPageVerdict } from '@/storage/verdict';
import { mountPanel } from './mount-panel.fixture';
import { readyPage } from '../store/page-state.fixture';

const ref = { url: 'https://news.example/story', title: 'Musk threatens to sue', site: 'Evoclique' };
const quote = {
  id: 'q',
  exact: '“They trained illegally using Twitter data.”',
  selectors: [],
  origin: 'auto' as const,
  cues: ['quote' as const],
  anchored: true,
};

const mount = (page: PageState | Error = readyPage(ref, [quote])) => mountPanel(page);

const field = () => screen.getByRole('textbox', { name: 'Page verdict' });

beforeEach(() => vi.useRealTimers());
afterEach(cleanup);

describe('page verdict', () => {
  it('is one small button until there is a verdict, and no second "Note" field', async () => {
    await mount();
    expect(screen.getByRole('button', { name: 'Add a page verdict' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Page verdict' })).toBeNull();
    expect(screen.queryByText('Verdict:')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add a page verdict' }));
    // Claim notes are looked up by the name "Note": the verdict's field is never one of them.
    expect(screen.queryAllByRole('textbox', { name: /note/i })).not.toContain(field());
  });

  it('opens an editor, saves what is typed, and shows it with Edit once done', async () => {
    const { db } = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add a page verdict' }));
    await waitFor(() => expect(document.activeElement).toBe(field()));
    fireEvent.input(field(), { target: { value: 'Mostly sound; the figure is off.' } });
    await waitFor(async () => expect((await db.pages.get(ref.url))?.verdict).toBe('Mostly sound; the figure is off.'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'Page verdict' })).toBeNull();
    expect(screen.getByText('Verdict:').parentElement?.textContent).toBe('Verdict: Mostly sound; the figure is off.');
    const edit = screen.getByRole('button', { name: 'Edit page verdict' });
    expect(edit.textContent).toBe('Edit');
    await waitFor(() => expect(document.activeElement).toBe(edit));
    fireEvent.click(edit);
    await waitFor(() => expect((field() as HTMLTextAreaElement).value).toBe('Mostly sound; the figure is off.'));
  });

  it('saves when focus leaves the field, and Escape closes the editor and keeps focus in the verdict', async () => {
    const { db } = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add a page verdict' }));
    fireEvent.input(field(), { target: { value: 'Blurred' } });
    fireEvent.blur(field());
    await waitFor(async () => expect((await db.pages.get(ref.url))?.verdict).toBe('Blurred'));
    fireEvent.input(field(), { target: { value: 'Escaped' } });
    fireEvent.keyDown(field(), { key: 'Escape' });
    await waitFor(async () => expect((await db.pages.get(ref.url))?.verdict).toBe('Escaped'));
    expect(screen.queryByRole('textbox', { name: 'Page verdict' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit page verdict' })));
  });

  it('takes letters typed in it as text, not as panel shortcuts', async () => {
    const { db, store } = await mount();
    store.getState().select('q');
    fireEvent.click(screen.getByRole('button', { name: 'Add a page verdict' }));
    await waitFor(() => expect(document.activeElement).toBe(field()));
    for (const key of ['j', 'k', 's', 'u', 'x', '?']) fireEvent.keyDown(field(), { key });
    fireEvent.input(field(), { target: { value: 'jksux?' } });
    await store.getState().flushVerdict();
    expect((await db.pages.get(ref.url))?.verdict).toBe('jksux?');
    expect(await db.claims.get('q')).toBeUndefined();
    expect(await db.dismissals.get('q')).toBeUndefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(field());
  });

  it('shows a change made in another panel', async () => {
    const { db } = await mount();
    await setPageVerdict(db, ref, 'From another window', Date.now());
    await waitFor(() =>
      expect(screen.getByText('Verdict:').parentElement?.textContent).toContain('From another window'),
    );
    expect(screen.queryByRole('button', { name: 'Add a page verdict' })).toBeNull();
  });

  it('is not offered where Claimlens cannot read the page', async () => {
    await mount(new Error('no receiver'));
    expect(screen.getByRole('heading', { name: 'Nothing to check here' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a page verdict' })).toBeNull();
  });

  it('lets a page with only a verdict be exported', async () => {
    const { db } = await mount(readyPage(ref, []));
    expect(screen.getByRole('button', { name: 'Export Markdown' }).hasAttribute('disabled')).toBe(true);
    await setPageVerdict(db, ref, 'Nothing to check, but misleading.', Date.now());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Export Markdown' }).hasAttribute('disabled')).toBe(false),
    );
  });
});
