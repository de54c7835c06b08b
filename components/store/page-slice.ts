import { liveQuery, type Subscription } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { toStoredClaim } from '../../lib/claims/merge';
import type { PageClaim, PageState } from '../../lib/messaging/protocol';
import {
  claimsOfPage, deleteClaim, judgeClaim, restoreClaim, withEvidence, withoutEvidence, type ClaimChange,
} from '../../storage/claims';
import { dismissSuggestion, undoDismissal } from '../../storage/dismissals';
import type { Claim, ClaimStatus, Evidence } from '../../storage/types';
import { parseEvidenceUrl } from '../../lib/url/evidence-url';
import type { StatusFilter } from '../claim-view';
import type { PanelDeps, PanelState } from '../panel-store';

export type SaveState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** A claim as the panel shows it: where the page put it, and what the reader said about it. */
export interface PanelClaim extends PageClaim {
  status: ClaimStatus;
  note: string;
  evidence: Evidence[];
  stored: boolean;
}

export interface PageSlice {
  tabId: number | null;
  page: PageState | null;
  /** Why the page can't be shown, in words the reader can act on. */
  pageError: string | null;
  stored: Map<string, Claim>;
  saves: Record<string, SaveState>;
  selectedId: string | null;
  /** The last destructive action, undoable until the next one. */
  undo: { message: string; run(): Promise<void> } | null;
  filter: StatusFilter;
  query: string;

  followTab(tabId: number | null): Promise<void>;
  reloadPage(): Promise<void>;
  setStatus(id: string, status: ClaimStatus): Promise<void>;
  setNote(id: string, note: string): Promise<void>;
  select(id: string | null): void;
  /** "Not a claim": hides a suggestion on this page for good (undoable). */
  dismiss(id: string): Promise<void>;
  /** Deletes a stored claim (undoable). */
  remove(id: string): Promise<void>;
  runUndo(): Promise<void>;
  setFilter(filter: StatusFilter): void;
  setQuery(query: string): void;
  /** Adds an evidence link; returns a message for the reader when the address is refused. */
  addEvidence(id: string, url: string, title?: string): Promise<string | null>;
  /** Removes an evidence link by its address (never by position: the list may have changed elsewhere). */
  removeEvidence(id: string, url: string): Promise<void>;
  show(id: string): Promise<void>;
}

export const NO_CONTENT_SCRIPT =
  'Claimlens cannot read this tab. It works on web pages (http and https); if this page was open before Claimlens ' +
  'was installed or updated, reload it.';

/** The page in the tab the panel follows: its claims, the reader's judgements, and the actions on them. */
export function createPageSlice(deps: PanelDeps, onDispose: (fn: () => void) => void): StateCreator<PanelState, [], [], PageSlice> {
  let subscription: Subscription | undefined;
  let watchedUrl: string | null = null;
  const now = deps.now ?? Date.now;
  onDispose(() => subscription?.unsubscribe());

  return (set, get) => {
    const storedMap = async (url: string) => new Map((await claimsOfPage(deps.db, url)).map((c) => [c.id, c]));

    function watchStored(url: string | null) {
      if (url === watchedUrl) return;
      subscription?.unsubscribe();
      subscription = undefined;
      watchedUrl = url;
      if (!url) return set({ stored: new Map() });
      // liveQuery: a change made anywhere (another panel, another tab) shows here without a reload.
      subscription = liveQuery(() => claimsOfPage(deps.db, url)).subscribe({
        next: (claims) => set({ stored: new Map(claims.map((c) => [c.id, c])) }),
        error: (error: unknown) => set({ pageError: `Could not read saved claims: ${messageOf(error)}` }),
      });
    }

    const evidenceOf = (id: string): Evidence[] => get().stored.get(id)?.evidence ?? [];

    /** The page repaints and re-lists after a write that changes which claims it shows. */
    async function afterWrite(): Promise<void> {
      const { tabId } = get();
      if (tabId === null) return;
      await deps.refreshTab(tabId).catch(() => undefined);
      await get().reloadPage();
    }

    async function guard(id: string, action: () => Promise<void>): Promise<void> {
      try {
        await action();
      } catch (error) {
        set((s) => ({ saves: { ...s.saves, [id]: { kind: 'error', message: `Not saved: ${messageOf(error)}` } } }));
      }
    }

    async function write(id: string, change: ClaimChange): Promise<void> {
      const { page, stored, tabId } = get();
      if (!page) return;
      const info = pageInfoOf(page);
      set((s) => ({ saves: { ...s.saves, [id]: { kind: 'saving' } } }));
      try {
        const seen = page.claims.find((c) => c.id === id);
        const base = stored.get(id) ?? (seen && toStoredClaim(seen, page.page.url, now()));
        if (!base) throw new Error('this claim is no longer on the page');
        await judgeClaim(deps.db, base, change, info, now());
        set((s) => ({ saves: { ...s.saves, [id]: { kind: 'saved' } } }));
        if (tabId !== null) await deps.refreshTab(tabId).catch(() => undefined);
      } catch (error) {
        set((s) => ({ saves: { ...s.saves, [id]: { kind: 'error', message: `Not saved: ${messageOf(error)}` } } }));
      }
    }

    return {
      tabId: null,
      page: null,
      pageError: null,
      stored: new Map(),
      saves: {},
      selectedId: null,
      undo: null,
      filter: 'all',
      query: '',

      async followTab(tabId) {
        if (tabId !== get().tabId) set({ tabId, page: null, pageError: null, selectedId: null, saves: {} });
        await get().reloadPage();
      },

      async reloadPage() {
        const { tabId } = get();
        if (tabId === null) {
          set({ page: null, pageError: NO_CONTENT_SCRIPT });
          watchStored(null);
          return;
        }
        try {
          const page = await deps.getPageState(tabId);
          // The reader's judgements arrive with the page, so a fresh panel never flashes claims as unreviewed.
          const stored = page.page.url === watchedUrl ? get().stored : await storedMap(page.page.url).catch(() => new Map<string, Claim>());
          if (get().tabId !== tabId) return; // the reader moved on while we asked
          set({ page, pageError: null, stored });
          watchStored(page.page.url);
        } catch {
          if (get().tabId !== tabId) return;
          set({ page: null, pageError: NO_CONTENT_SCRIPT });
          watchStored(null);
        }
      },

      setStatus: (id, status) => write(id, { status }),
      setNote: (id, note) => write(id, { note }),
      select: (id) => set({ selectedId: id }),

      async dismiss(id) {
        const { page } = get();
        const seen = page?.claims.find((c) => c.id === id);
        if (!page || !seen) return;
        await guard(id, async () => {
          await dismissSuggestion(deps.db, { id, pageUrl: page.page.url, exact: seen.exact, createdAt: now() });
          set({
            undo: {
              message: 'Suggestion dismissed',
              run: async () => {
                await undoDismissal(deps.db, id);
                await afterWrite();
              },
            },
          });
          await afterWrite();
        });
      },

      async remove(id) {
        const { page } = get();
        if (!page) return;
        const info = pageInfoOf(page);
        await guard(id, async () => {
          const deleted = await deleteClaim(deps.db, id, info, now());
          if (!deleted) return;
          set({
            undo: {
              message: 'Claim deleted',
              run: async () => {
                await restoreClaim(deps.db, deleted, info, now());
                await afterWrite();
              },
            },
          });
          await afterWrite();
        });
      },

      setFilter: (filter) => set({ filter }),
      setQuery: (query) => set({ query }),

      async addEvidence(id, url, title) {
        const parsed = parseEvidenceUrl(url);
        if (!parsed.ok) return parsed.error;
        if (evidenceOf(id).some((e) => e.url === parsed.url)) return 'This link is already listed.';
        const link: Evidence = title?.trim() ? { url: parsed.url, title: title.trim() } : { url: parsed.url };
        // Built from the list as stored inside the write's transaction, never from this panel's snapshot.
        await write(id, withEvidence(link));
        return null;
      },

      async removeEvidence(id, url) {
        await write(id, withoutEvidence(url));
      },

      async runUndo() {
        const { undo } = get();
        if (!undo) return;
        set({ undo: null });
        await undo.run();
      },

      async show(id) {
        set({ selectedId: id });
        const { tabId } = get();
        if (tabId !== null) await deps.showClaim(tabId, id).catch(() => false);
      },
    };
  };
}

/** The page's claims with the reader's judgement applied; stored values win over the page's copy. */
export function panelClaims(state: Pick<PanelState, 'page' | 'stored'>): PanelClaim[] {
  return (state.page?.claims ?? []).map((claim) => {
    const stored = state.stored.get(claim.id);
    return {
      ...claim,
      status: stored?.status ?? 'unreviewed',
      note: stored?.note ?? '',
      evidence: stored?.evidence ?? [],
      stored: Boolean(stored),
    };
  });
}

const pageInfoOf = (state: PageState) => ({ url: state.page.url, title: state.page.title, site: state.page.site });

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'the browser has no storage space left for Claimlens. Free some disk space or export and delete old pages.';
  }
  return error instanceof Error ? error.message : String(error);
}
