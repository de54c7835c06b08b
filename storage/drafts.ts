import type { Claim, PageRef } from '../lib/model';

/**
 * A note the reader is typing, kept until it is saved: bound to the claim and the page it was typed for, with the
 * record to store if the claim was only a suggestion, so it can be saved later from anywhere (another tab shown, a
 * reopened panel).
 */
export interface NoteDraft {
  /** The claim's id. */
  id: string;
  note: string;
  /** The claim as it was when typing began (stored, or the suggestion as it would be stored). */
  base: Claim;
  page: PageRef;
  /** Epoch milliseconds of the last keystroke. */
  typedAt: number;
}

/** A page verdict the reader is typing, kept until it is saved: bound to the page it was typed for. */
export interface VerdictDraft {
  verdict: string;
  /** The verdict as stored when typing began ('' for none): a change made elsewhere since is not overwritten. */
  base: string;
  page: PageRef;
  /** Epoch milliseconds of the last keystroke. */
  typedAt: number;
}

/**
 * Where drafts live until saved. Synchronous, so a draft is kept even when the panel closes the next instant. One
 * draft a key: a claim's id for notes, a page's URL for verdicts.
 */
export interface DraftStorage<T = NoteDraft> {
  put(draft: T): void;
  remove(key: string, typedAt?: number): void;
  all(): T[];
}

/** What sets one kind of draft apart: its localStorage prefix, its key, and how to tell a readable one. */
interface DraftKind<T extends { typedAt: number }> {
  prefix: string;
  keyOf(draft: T): string;
  valid(value: T): boolean;
}

const NOTES: DraftKind<NoteDraft> = {
  prefix: 'claimlens:note-draft:',
  keyOf: (draft) => draft.id,
  valid: (value) => typeof value.id === 'string' && typeof value.note === 'string' && !!value.base && !!value.page,
};

const VERDICTS: DraftKind<VerdictDraft> = {
  prefix: 'claimlens:verdict-draft:',
  keyOf: (draft) => draft.page.url,
  valid: (value) =>
    typeof value.verdict === 'string' && typeof value.base === 'string' && typeof value.page?.url === 'string',
};

/**
 * Drafts in the extension origin's localStorage (the panel's own origin, never the page's; no permission needed).
 * A write there is done when `setItem` returns, unlike IndexedDB, whose transaction a closing page may abandon.
 * `remove` with a time removes the draft only if no later keystroke replaced it.
 */
function localStore<T extends { typedAt: number }>(storage: Storage, kind: DraftKind<T>): DraftStorage<T> {
  const read = (key: string): T | null => {
    try {
      const value = JSON.parse(storage.getItem(key) ?? 'null') as T | null;
      return value && typeof value === 'object' && kind.valid(value) ? value : null;
    } catch {
      return null;
    }
  };
  return {
    put(draft) {
      try {
        storage.setItem(kind.prefix + kind.keyOf(draft), JSON.stringify(draft));
      } catch {
        // A full or unavailable localStorage: the text still saves through IndexedDB after the debounce.
      }
    },
    remove(key, typedAt) {
      const current = read(kind.prefix + key);
      if (typedAt === undefined || !current || current.typedAt <= typedAt) storage.removeItem(kind.prefix + key);
    },
    all() {
      const drafts: T[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        const draft = key?.startsWith(kind.prefix) ? read(key) : null;
        if (draft) drafts.push(draft);
      }
      return drafts;
    },
  };
}

/** Drafts in memory: where no localStorage exists (tests that don't care, odd contexts). */
function memoryStore<T extends { typedAt: number }>(kind: DraftKind<T>): DraftStorage<T> {
  const drafts = new Map<string, T>();
  return {
    put: (draft) => void drafts.set(kind.keyOf(draft), draft),
    remove(key, typedAt) {
      const current = drafts.get(key);
      if (typedAt === undefined || !current || current.typedAt <= typedAt) drafts.delete(key);
    },
    all: () => [...drafts.values()],
  };
}

export const localDrafts = (storage: Storage): DraftStorage => localStore(storage, NOTES);
export const memoryDrafts = (): DraftStorage => memoryStore(NOTES);
export const localVerdictDrafts = (storage: Storage): DraftStorage<VerdictDraft> => localStore(storage, VERDICTS);
export const memoryVerdictDrafts = (): DraftStorage<VerdictDraft> => memoryStore(VERDICTS);
