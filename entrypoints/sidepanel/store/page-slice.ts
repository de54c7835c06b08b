import { liveQuery, type Subscription } from 'dexie';
import type { StateCreator } from 'zustand/vanilla';
import { toStoredClaim } from '@/lib/claims/merge';
import type { PageClaim, PageState } from '@/lib/messaging/protocol';
import {
  claimsOfPage,
  deleteClaim,
  judgeClaim,
  saveClaim,
  withEvidence,
  withoutEvidence,
  type ClaimChange,
} from '@/storage/claims';
import { dismissSuggestion, undoDismissal } from '@/storage/dismissals';
import { memoryDrafts, type NoteDraft } from '@/storage/drafts';
import type { Claim, ClaimStatus, Evidence, PageRef } from '@/lib/model';
import { parseEvidenceUrl } from '@/lib/url/evidence-url';
import type { StatusFilter } from './claim-view';
import { attempt, busy, done, failed, messageOf, type Notice } from './notice';
import type { PanelDeps, PanelState } from './panel-store';

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
  pageNotice: Notice | null;
  stored: Map<string, Claim>;
  /** Each claim's last save: saving, saved, or why not. */
  saves: Record<string, Notice>;
  selectedId: string | null;
  /** The last destructive action, undoable until the next one. */
  undo: { message: string; run(): Promise<void> } | null;
  filter: StatusFilter;
  query: string;

  followTab(tabId: number | null): Promise<void>;
  reloadPage(): Promise<void>;
  setStatus(id: string, status: ClaimStatus): Promise<void>;
  /** Saves a note at once (bound to the claim and page shown now). */
  setNote(id: string, note: string): Promise<void>;
  /** Notes typed in this panel and not saved yet, by claim id: what the note fields show. */
  noteDrafts: Record<string, string>;
  /**
   * A keystroke in a note: kept as a draft at once (it survives the panel closing), saved after a pause. The save is
   * bound to the claim and page the note was typed for, whatever the panel shows by then.
   */
  editNote(id: string, note: string): void;
  /** Saves the typed note of one claim now (focus left the field), or of every claim (the panel hides or closes). */
  flushNotes(id?: string): Promise<void>;
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

/** A pause in typing this long saves the note. */
export const NOTE_SAVE_DELAY_MS = 400;

/** Where a write goes: the claim (as it would be stored) and the page and tab it belongs to. */
interface Binding {
  base: Claim;
  page: PageRef;
  tabId: number | null;
}

export const NO_CONTENT_SCRIPT =
  'Claimlens cannot read this tab. It works on web pages (http and https); if this page was open before Claimlens ' +
  'was installed or updated, reload it.';

/** The page in the tab the panel follows: its claims, the reader's judgements, and the actions on them. */
export function createPageSlice(
  deps: PanelDeps,
  onDispose: (fn: () => void) => void,
): StateCreator<PanelState, [], [], PageSlice> {
  let subscription: Subscription | undefined;
  let watchedUrl: string | null = null;
  const now = deps.now ?? Date.now;
  const drafts = deps.drafts ?? memoryDrafts();
  /** Typed notes waiting for their save, each bound to where it was typed. */
  const pendingNotes = new Map<string, { draft: NoteDraft; binding: Binding; timer: ReturnType<typeof setTimeout> }>();
  let recovered: Promise<void> | undefined;
  onDispose(() => subscription?.unsubscribe());

  return (set, get) => {
    // A closing panel starts the saves of what was typed (the drafts keep it if the page goes before they finish).
    onDispose(() => {
      void get().flushNotes();
    });
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
        error: (error: unknown) => set({ pageNotice: failed(`Could not read saved claims: ${messageOf(error)}`) }),
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

    const reportSave = (id: string) => (notice: Notice) => set((s) => ({ saves: { ...s.saves, [id]: notice } }));
    const NOT_ON_PAGE = failed('Not saved: this claim is no longer on the page');

    /** Where a write for this claim goes, decided now: the page shown and the claim as stored or suggested there. */
    function bind(id: string): Binding | null {
      const { page, stored, tabId } = get();
      if (!page) return null;
      const seen = page.claims.find((c) => c.id === id);
      const base = stored.get(id) ?? (seen && toStoredClaim(seen, page.page.url, now()));
      return base ? { base, page: pageInfoOf(page), tabId } : null;
    }

    async function writeBound(binding: Binding, change: ClaimChange): Promise<boolean> {
      const { id } = binding.base;
      reportSave(id)(busy('Saving…'));
      const next = await attempt(
        () => judgeClaim(deps.db, binding.base, change, binding.page, now()),
        reportSave(id),
        'Not saved',
      );
      if (!next) return false;
      set((s) => ({
        saves: { ...s.saves, [id]: done('Saved') },
        // Shown at once, before liveQuery reports it: a saved note never flashes back to its old text.
        ...(s.page?.page.url === next.pageUrl ? { stored: new Map(s.stored).set(id, next) } : {}),
      }));
      if (binding.tabId !== null) await deps.refreshTab(binding.tabId).catch(() => undefined);
      return true;
    }

    async function write(id: string, change: ClaimChange): Promise<void> {
      if (!get().page) return;
      const binding = bind(id);
      if (!binding) return reportSave(id)(NOT_ON_PAGE);
      await writeBound(binding, change);
    }

    async function saveNote(id: string): Promise<void> {
      const pending = pendingNotes.get(id);
      if (!pending) return;
      clearTimeout(pending.timer);
      pendingNotes.delete(id);
      const { draft, binding } = pending;
      const saved = await writeBound(binding, { note: draft.note });
      if (saved) drafts.remove(id, draft.typedAt);
      // A keystroke typed while saving started a new pending note: the field keeps showing that one.
      if (!pendingNotes.has(id)) {
        set((s) => {
          const { [id]: _done, ...rest } = s.noteDrafts;
          return { noteDrafts: rest };
        });
      }
    }

    /**
     * Notes typed in a panel that closed before saving them: each is saved where it was typed, unless that note was
     * changed elsewhere after it was typed.
     */
    async function recoverDrafts(): Promise<void> {
      for (const draft of drafts.all()) {
        if (pendingNotes.has(draft.id)) continue;
        try {
          await judgeClaim(
            deps.db,
            draft.base,
            (current) =>
              current.updatedAt > draft.typedAt && current.note !== draft.base.note && current.note !== draft.note
                ? null
                : { note: draft.note },
            draft.page,
            now(),
          );
          drafts.remove(draft.id, draft.typedAt);
        } catch {
          // Kept for the next panel: the database may be unavailable right now.
        }
      }
    }

    return {
      tabId: null,
      page: null,
      pageNotice: null,
      stored: new Map(),
      saves: {},
      selectedId: null,
      undo: null,
      noteDrafts: {},
      filter: 'all',
      query: '',

      async followTab(tabId) {
        // Notes typed for the page shown so far are saved there, whatever the panel shows next.
        void get().flushNotes();
        if (tabId !== get().tabId) set({ tabId, page: null, pageNotice: null, selectedId: null, saves: {} });
        await (recovered ??= recoverDrafts());
        await get().reloadPage();
      },

      async reloadPage() {
        const { tabId } = get();
        if (tabId === null) {
          set({ page: null, pageNotice: failed(NO_CONTENT_SCRIPT) });
          watchStored(null);
          return;
        }
        try {
          const page = await deps.getPageState(tabId);
          // The reader's judgements arrive with the page, so a fresh panel never flashes claims as unreviewed.
          const stored =
            page.page.url === watchedUrl
              ? get().stored
              : await storedMap(page.page.url).catch(() => new Map<string, Claim>());
          if (get().tabId !== tabId) return; // the reader moved on while we asked
          set({ page, pageNotice: null, stored });
          watchStored(page.page.url);
        } catch {
          if (get().tabId !== tabId) return;
          set({ page: null, pageNotice: failed(NO_CONTENT_SCRIPT) });
          watchStored(null);
        }
      },

      setStatus: (id, status) => write(id, { status }),
      async setNote(id, note) {
        get().editNote(id, note);
        await get().flushNotes(id);
      },

      editNote(id, note) {
        const earlier = pendingNotes.get(id);
        const binding = earlier?.binding ?? bind(id);
        if (!binding) return reportSave(id)(NOT_ON_PAGE);
        if (earlier) clearTimeout(earlier.timer);
        const draft: NoteDraft = { id, note, base: binding.base, page: binding.page, typedAt: now() };
        drafts.put(draft);
        pendingNotes.set(id, { draft, binding, timer: setTimeout(() => void saveNote(id), NOTE_SAVE_DELAY_MS) });
        set((s) => ({ noteDrafts: { ...s.noteDrafts, [id]: note } }));
      },

      async flushNotes(id) {
        await Promise.all((id === undefined ? [...pendingNotes.keys()] : [id]).map((key) => saveNote(key)));
      },
      select: (id) => set({ selectedId: id }),

      async dismiss(id) {
        const { page } = get();
        const seen = page?.claims.find((c) => c.id === id);
        if (!page || !seen) return;
        await attempt(
          async () => {
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
          },
          reportSave(id),
          'Not saved',
        );
      },

      async remove(id) {
        const { page } = get();
        if (!page) return;
        const info = pageInfoOf(page);
        await attempt(
          async () => {
            const deleted = await deleteClaim(deps.db, id, info, now());
            if (!deleted) return;
            set({
              undo: {
                message: 'Claim deleted',
                run: async () => {
                  // Undo of a delete: the claim comes back exactly as it was.
                  await saveClaim(deps.db, deleted, info, now());
                  await afterWrite();
                },
              },
            });
            await afterWrite();
          },
          reportSave(id),
          'Not saved',
        );
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
