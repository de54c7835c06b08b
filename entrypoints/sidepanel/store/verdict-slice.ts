import { liveQuery, type Subscription } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { memoryVerdictDrafts, type VerdictDraft } from '@/storage/drafts';
import { setPageVerdict } from '@/storage/verdict';
import { attempt, busy, done, failed, messageOf, type Notice } from './notice';
import { NOTE_SAVE_DELAY_MS } from './page-slice';
import type { PanelDeps, PanelState } from './panel-store';

/** The verdict of a page as stored: '' for none. */
export interface StoredVerdict {
  url: string;
  verdict: string;
  updatedAt?: number;
}

export interface VerdictSlice {
  /** The stored verdict of the page shown, kept fresh by liveQuery (another panel's change shows at once). */
  storedVerdict: StoredVerdict | null;
  /** Verdicts typed in this panel and not saved yet, by page URL: what the verdict field shows. */
  verdictDrafts: Record<string, string>;
  /** Each page's last verdict save: saving, saved, or why not; by page URL. */
  verdictSaves: Record<string, Notice>;
  /**
   * A keystroke in the page verdict: kept as a draft at once (it survives the panel closing), saved after a pause,
   * on the page shown when it was typed, whatever the panel shows by then.
   */
  editVerdict(verdict: string): void;
  /** Saves what was typed now (focus left the field, the editor closed, the panel hides or closes). */
  flushVerdict(): Promise<void>;
}

/** A pause in typing this long saves the verdict, as it does a note. */
export const VERDICT_SAVE_DELAY_MS = NOTE_SAVE_DELAY_MS;

/** The reader's verdict on the page shown: read live from storage, typed into a draft, saved after a pause. */
export function createVerdictSlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], VerdictSlice> {
  const now = deps.now ?? Date.now;
  const drafts = deps.verdictDrafts ?? memoryVerdictDrafts();
  /** Typed verdicts waiting for their save, by page URL. */
  const pending = new Map<string, { draft: VerdictDraft; timer: ReturnType<typeof setTimeout> }>();
  let subscription: Subscription | undefined;
  let watchedUrl: string | null = null;
  onDispose(() => subscription?.unsubscribe());

  return (set, get, store) => {
    const report = (url: string) => (notice: Notice) =>
      set((s) => ({ verdictSaves: { ...s.verdictSaves, [url]: notice } }));

    function watch(url: string | null): void {
      if (url === watchedUrl) return;
      subscription?.unsubscribe();
      subscription = undefined;
      watchedUrl = url;
      set({ storedVerdict: null });
      if (!url) return;
      subscription = liveQuery(() => deps.db.pages.get(url)).subscribe({
        next: (page) =>
          set({ storedVerdict: { url, verdict: page?.verdict ?? '', updatedAt: page?.verdictUpdatedAt } }),
        error: (error: unknown) => report(url)(failed(`Could not read the verdict: ${messageOf(error)}`)),
      });
    }

    async function save(url: string): Promise<void> {
      const entry = pending.get(url);
      if (!entry) return;
      clearTimeout(entry.timer);
      pending.delete(url);
      const { draft } = entry;
      report(url)(busy('Saving…'));
      const page = await attempt(
        async () => (await setPageVerdict(deps.db, draft.page, draft.verdict, now())) ?? null,
        report(url),
        'Not saved',
      );
      if (page === undefined) return; // failed: the field keeps the text, the draft stays for the next panel
      drafts.remove(url, draft.typedAt);
      set((s) => ({
        verdictSaves: { ...s.verdictSaves, [url]: done('Saved') },
        // Shown at once, before liveQuery reports it: a saved verdict never flashes back to its old text.
        ...(s.page?.page.url === url
          ? { storedVerdict: { url, verdict: page?.verdict ?? '', updatedAt: page?.verdictUpdatedAt } }
          : {}),
      }));
      // A keystroke typed while saving started a new pending verdict: the field keeps showing that one.
      if (!pending.has(url)) {
        set((s) => {
          const { [url]: _saved, ...rest } = s.verdictDrafts;
          return { verdictDrafts: rest };
        });
      }
    }

    /**
     * Verdicts typed in a panel that closed before saving them: each is saved on its page, unless that verdict was
     * changed elsewhere after it was typed.
     */
    async function recoverDrafts(): Promise<void> {
      for (const draft of drafts.all()) {
        if (pending.has(draft.page.url)) continue;
        try {
          await setPageVerdict(
            deps.db,
            draft.page,
            (current) => {
              const stored = current?.verdict ?? '';
              const changedSince = (current?.verdictUpdatedAt ?? 0) > draft.typedAt;
              return changedSince && stored !== draft.base && stored !== draft.verdict ? null : draft.verdict;
            },
            now(),
          );
          drafts.remove(draft.page.url, draft.typedAt);
        } catch {
          // Kept for the next panel: the database may be unavailable right now.
        }
      }
    }
    void recoverDrafts();

    onDispose(
      store.subscribe((state, previous) => {
        const url = state.page?.page.url ?? null;
        if (url === (previous.page?.page.url ?? null)) return;
        // What was typed for the page shown so far is saved there now.
        void get().flushVerdict();
        // Read once the claims are rendered (a task later): its query, started in the same microtask burst as the
        // list's render, delayed the list by 20-30 ms per panel open (bench/panel.ts, 11 claims).
        setTimeout(() => watch(get().page?.page.url ?? null), 0);
      }),
    );
    // A closing panel starts the save of what was typed (the draft keeps it if the page goes before it finishes).
    onDispose(() => void get().flushVerdict());

    return {
      storedVerdict: null,
      verdictDrafts: {},
      verdictSaves: {},

      editVerdict(verdict) {
        const { page, storedVerdict } = get();
        if (!page) return;
        const { url, title, site } = page.page;
        const earlier = pending.get(url);
        if (earlier) clearTimeout(earlier.timer);
        const base = earlier?.draft.base ?? (storedVerdict?.url === url ? storedVerdict.verdict : '');
        const draft: VerdictDraft = { verdict, base, page: { url, title, site }, typedAt: now() };
        drafts.put(draft);
        pending.set(url, { draft, timer: setTimeout(() => void save(url), VERDICT_SAVE_DELAY_MS) });
        set((s) => ({ verdictDrafts: { ...s.verdictDrafts, [url]: verdict } }));
      },

      async flushVerdict() {
        await Promise.all([...pending.keys()].map((url) => save(url)));
      },
    };
  };
}
