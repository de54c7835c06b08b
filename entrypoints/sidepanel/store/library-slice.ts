import { liveQuery, type Subscription } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { pagesByLastVisit } from '@/storage/pages';
import { SEARCH_LIMIT, searchClaims } from '@/storage/search';
import type { Claim, PageRecord } from '@/lib/model';
import type { PanelDeps, PanelState } from './panel-store';
import { attempt, failed, messageOf, type Notice } from './notice';

export type PanelView = 'page' | 'library' | 'settings';

export interface LibrarySlice {
  view: PanelView;
  libraryPages: PageRecord[];
  libraryQuery: string;
  /** Claims matching the query across every page, the newest 200; null when there is no query. */
  libraryHits: Claim[] | null;
  libraryNotice: Notice | null;
  setView(view: PanelView): void;
  searchLibrary(query: string): Promise<void>;
}

/**
 * Every annotated page, newest first, and a search over all quotes and notes. Watched only while it is shown, and not
 * while an import writes: re-reading and re-drawing 10,000 pages after each chunk took a 1.8 s task of the panel's
 * thread and held up the import's next chunk; the list is read once more when the import is done.
 */
export function createLibrarySlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], LibrarySlice> {
  let subscription: Subscription | undefined;
  const unwatch = () => {
    subscription?.unsubscribe();
    subscription = undefined;
  };
  onDispose(unwatch);
  return (set, get, store) => {
    const watch = () => {
      if (subscription || get().view !== 'library' || get().transferNotice?.kind === 'busy') return;
      subscription = liveQuery(() => pagesByLastVisit(deps.db)).subscribe({
        next: (libraryPages) => set({ libraryPages }),
        error: (error: unknown) => set({ libraryNotice: failed(`Could not read the library: ${messageOf(error)}`) }),
      });
    };
    onDispose(
      store.subscribe((state, previous) => {
        const busy = state.transferNotice?.kind === 'busy';
        if (busy === (previous.transferNotice?.kind === 'busy')) return;
        if (busy) unwatch();
        else watch();
      }),
    );
    return {
      view: 'page',
      libraryPages: [],
      libraryQuery: '',
      libraryHits: null,
      libraryNotice: null,

      setView(view) {
        set({ view });
        if (view === 'library') watch();
        else unwatch();
      },

      async searchLibrary(query) {
        set({ libraryQuery: query });
        if (!query.trim()) return set({ libraryHits: null });
        const report = (libraryNotice: Notice) => get().libraryQuery === query && set({ libraryNotice });
        const hits = await attempt(() => searchClaims(deps.db, query, SEARCH_LIMIT), report, 'Search failed');
        if (hits && get().libraryQuery === query) set({ libraryHits: hits, libraryNotice: null });
      },
    };
  };
}
