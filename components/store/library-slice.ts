import { liveQuery, type Subscription } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { searchClaims } from '../../storage/search';
import type { Claim, PageRecord } from '../../lib/model';
import type { PanelDeps, PanelState } from '../panel-store';
import { messageOf } from './page-slice';

export type PanelView = 'page' | 'library' | 'settings';

export interface LibrarySlice {
  view: PanelView;
  libraryPages: PageRecord[];
  libraryQuery: string;
  /** Claims matching the query across every page, newest first; null when there is no query. */
  libraryHits: Claim[] | null;
  libraryError: string | null;
  setView(view: PanelView): void;
  searchLibrary(query: string): Promise<void>;
}

const SEARCH_LIMIT = 200;

/** Every annotated page, newest first, and a search over all quotes and notes. Watched only while it is shown. */
export function createLibrarySlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], LibrarySlice> {
  let subscription: Subscription | undefined;
  onDispose(() => subscription?.unsubscribe());
  return (set, get) => ({
    view: 'page',
    libraryPages: [],
    libraryQuery: '',
    libraryHits: null,
    libraryError: null,

    setView(view) {
      set({ view });
      if (view === 'library' && !subscription) {
        subscription = liveQuery(() => deps.db.pages.orderBy('lastVisit').reverse().toArray()).subscribe({
          next: (libraryPages) => set({ libraryPages }),
          error: (error: unknown) => set({ libraryError: `Could not read the library: ${messageOf(error)}` }),
        });
      } else if (view !== 'library') {
        subscription?.unsubscribe();
        subscription = undefined;
      }
    },

    async searchLibrary(query) {
      set({ libraryQuery: query });
      if (!query.trim()) return set({ libraryHits: null });
      const hits = await searchClaims(deps.db, query, SEARCH_LIMIT);
      if (get().libraryQuery === query) set({ libraryHits: hits });
    },
  });
}
