/**
 * The anchoring module's stable interface: describe a range as W3C selectors, find those selectors' range again.
 *
 * Both functions read the root's text through one index that is kept per root and rebuilt only after the root's
 * subtree changed (seen by a MutationObserver, checked synchronously with `takeRecords`), so anchoring claims one
 * call at a time costs what `anchorAll` costs: reading a long article takes 5–100 ms, finding one quote in it well
 * under a millisecond. Hidden text is left out as far as it can be without computing styles (scripts, `hidden`,
 * inline `display: none`); the content script passes `checkStyle` for the rest.
 */
import { anchorSelectors as anchorWithIndex, anchorAll as anchorAllWithIndex } from './anchor';
import { describeRange as describeWithIndex } from './describe';
import { buildTextIndex, type TextIndex, type TextIndexOptions } from './text-index';
import type { Selector } from './types';

export type { Selector, TextPositionSelector, TextQuoteSelector } from './types';
export type { TextIndex, TextIndexOptions } from './text-index';

export interface IndexOptions extends TextIndexOptions {
  /** A current text index of the root, built with the same options for describing and anchoring. */
  index?: TextIndex;
}

const DEFAULTS: TextIndexOptions = { checkInlineStyle: true };

interface CachedIndex {
  index: TextIndex;
  stale: boolean;
  observer: MutationObserver;
}

/** One cached index per root and set of options. */
const cache = new WeakMap<Node, Map<string, CachedIndex>>();

function mutationObserverFor(root: Node): typeof MutationObserver | undefined {
  const view = (root.ownerDocument ?? (root as Document)).defaultView as (Window & typeof globalThis) | null;
  return view?.MutationObserver ?? globalThis.MutationObserver;
}

/** The root's text index, rebuilt when anything under the root changed since it was built. */
function indexOf(root: Node, options: IndexOptions): TextIndex {
  if (options.index) return options.index;
  const indexOptions: TextIndexOptions = { ...DEFAULTS, ...options };
  const Observer = mutationObserverFor(root);
  // Without a way to notice changes, never reuse an index.
  if (!Observer) return buildTextIndex(root, indexOptions);
  const key = `${indexOptions.checkStyle ? 1 : 0}${indexOptions.checkInlineStyle ? 1 : 0}`;
  let perRoot = cache.get(root);
  if (!perRoot) cache.set(root, (perRoot = new Map()));
  const cached = perRoot.get(key);
  if (cached && !cached.stale && cached.observer.takeRecords().length === 0) return cached.index;
  cached?.observer.disconnect();
  const entry = { stale: false } as CachedIndex;
  entry.observer = new Observer(() => {
    entry.stale = true;
  });
  // Attributes too: `hidden`, `style` and `class` decide what text is visible.
  entry.observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  entry.index = buildTextIndex(root, indexOptions);
  perRoot.set(key, entry);
  return entry.index;
}

/** Selectors for `range`, a range inside `root`. Throws when the range lies entirely outside `root`. */
export function describeRange(root: Node, range: Range, options: IndexOptions = {}): Selector[] {
  return describeWithIndex(root, range, { index: indexOf(root, options) });
}

/** The range of the selectors' text in `root` as it is now, or null when the claim is lost (orphaned). */
export function anchorSelectors(root: Node, selectors: Selector[], options: IndexOptions = {}): Range | null {
  return anchorWithIndex(root, selectors, { index: indexOf(root, options) });
}

/** `anchorSelectors` for many claims at once. */
export function anchorAll(root: Node, selectorLists: Selector[][], options: IndexOptions = {}): Array<Range | null> {
  return anchorAllWithIndex(root, selectorLists, { index: indexOf(root, options) });
}
