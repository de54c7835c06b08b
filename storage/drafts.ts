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

/** Where drafts live until saved. Synchronous, so a draft is kept even when the panel closes the next instant. */
export interface DraftStorage {
  put(draft: NoteDraft): void;
  remove(id: string, typedAt?: number): void;
  all(): NoteDraft[];
}

const PREFIX = 'claimlens:note-draft:';

/**
 * Drafts in the extension origin's localStorage (the panel's own origin, never the page's; no permission needed).
 * A write there is done when `setItem` returns, unlike IndexedDB, whose transaction a closing page may abandon.
 * `remove` with a time removes the draft only if no later keystroke replaced it.
 */
export function localDrafts(storage: Storage): DraftStorage {
  const read = (key: string): NoteDraft | null => {
    try {
      const value = JSON.parse(storage.getItem(key) ?? 'null') as NoteDraft | null;
      return value && typeof value.id === 'string' && typeof value.note === 'string' && value.base && value.page
        ? value
        : null;
    } catch {
      return null;
    }
  };
  return {
    put(draft) {
      try {
        storage.setItem(PREFIX + draft.id, JSON.stringify(draft));
      } catch {
        // A full or unavailable localStorage: the note still saves through IndexedDB after the debounce.
      }
    },
    remove(id, typedAt) {
      const current = read(PREFIX + id);
      if (typedAt === undefined || !current || current.typedAt <= typedAt) storage.removeItem(PREFIX + id);
    },
    all() {
      const drafts: NoteDraft[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        const draft = key?.startsWith(PREFIX) ? read(key) : null;
        if (draft) drafts.push(draft);
      }
      return drafts;
    },
  };
}

/** Drafts in memory: where no localStorage exists (tests that don't care, odd contexts). */
export function memoryDrafts(): DraftStorage {
  const drafts = new Map<string, NoteDraft>();
  return {
    put: (draft) => void drafts.set(draft.id, draft),
    remove(id, typedAt) {
      const current = drafts.get(id);
      if (typedAt === undefined || !current || current.typedAt <= typedAt) drafts.delete(id);
    },
    all: () => [...drafts.values()],
  };
}
