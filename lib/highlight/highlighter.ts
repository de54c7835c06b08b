import type { HighlightKind, HighlightNames } from './names';

/** How a claim is painted: an untouched suggestion, or the status of a claim the reader marked or judged. */
export type ClaimKind = Exclude<HighlightKind, 'focus'>;
const CLAIM_KINDS: readonly ClaimKind[] = ['suggested', 'unreviewed', 'sourced', 'unsourced'];

/**
 * Claims are painted with the CSS Custom Highlight API: the page's DOM and text are never touched, so page scripts,
 * frameworks re-rendering the article and the reader's own copy-paste see exactly what the publisher served.
 * The colours live in the content script's stylesheet under the names of ./names.ts, one picked per load.
 */
interface HighlightRegistryLike {
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
}

export interface HighlightEnv {
  registry: HighlightRegistryLike;
  createHighlight(ranges: Range[]): Highlight;
}

/** The page's highlight registry, or null in a browser without the API (the panel still lists the claims). */
export function pageHighlightEnv(win: Window & typeof globalThis = window): HighlightEnv | null {
  const registry = win.CSS?.highlights;
  const HighlightCtor = win.Highlight;
  if (!registry || typeof HighlightCtor !== 'function') return null;
  return { registry, createHighlight: (ranges) => new HighlightCtor(...ranges) };
}

export class Highlighter {
  constructor(
    private readonly env: HighlightEnv,
    readonly names: HighlightNames,
  ) {}

  /** Replaces every claim highlight with these ranges per kind (untouched suggestion, or the claim's status). */
  paint(byKind: Partial<Record<ClaimKind, Range[]>>): void {
    for (const kind of CLAIM_KINDS) {
      const ranges = byKind[kind] ?? [];
      if (ranges.length) this.env.registry.set(this.names[kind], this.env.createHighlight(ranges));
      else this.env.registry.delete(this.names[kind]);
    }
  }

  /** Marks the claim the reader is looking at, on top of its status colour. */
  focus(range: Range | null): void {
    if (range) this.env.registry.set(this.names.focus, this.env.createHighlight([range]));
    else this.env.registry.delete(this.names.focus);
  }

  clear(): void {
    for (const name of Object.values(this.names)) this.env.registry.delete(name);
  }
}
