import { buildTextIndex, textIndexSteps, type TextIndex, type TextIndexOptions } from '@/lib/anchoring/text-index';

/** Work between two yields: well under the 50 ms of a long task, even on a slow machine. */
const SLICE_MS = 12;
/** Builds cut short by the page changing its nodes; the next one runs in one task (today's cost, but correct). */
const MAX_RESTARTS = 2;

export interface SliceOptions {
  /** Gives the page a turn; may never resolve (the content script's context went away). */
  pause: () => Promise<void>;
  sliceMs?: number;
  now?: () => number;
}

/**
 * `buildTextIndex(root, options)` spread over several tasks, so indexing a large page (tens of milliseconds of
 * computed styles) never blocks it for long. The walk holds a position in the DOM between slices: when the page adds
 * or removes nodes under `root` meanwhile, the position may be gone and the build starts over,
 * twice at most; a page that never stops changing gets the index in one task, as before. The result is the index
 * `buildTextIndex` returns for the page as it is when the build ends.
 */
export async function indexInSlices(root: Node, options: TextIndexOptions, slicing: SliceOptions): Promise<TextIndex> {
  const { pause, sliceMs = SLICE_MS, now = () => performance.now() } = slicing;
  for (let attempt = 0; attempt < MAX_RESTARTS + 1; attempt++) {
    const moved = watchNodes(root);
    try {
      const steps = textIndexSteps(root, options);
      let sliceStart = now();
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (now() - sliceStart < sliceMs) continue;
        await pause();
        if (moved()) break;
        sliceStart = now();
      }
    } finally {
      moved.stop();
    }
  }
  return buildTextIndex(root, options);
}

/** Whether nodes under `root` were added or removed since the call (Claimlens' hosts live outside the body). */
function watchNodes(root: Node): { (): boolean; stop(): void } {
  let seen = false;
  // Records reach the callback at the next microtask checkpoint; `takeRecords` has those not yet delivered.
  const observer = new MutationObserver(() => {
    seen = true;
  });
  observer.observe(root, { childList: true, subtree: true });
  const moved = () => {
    seen ||= observer.takeRecords().length > 0;
    return seen;
  };
  return Object.assign(moved, { stop: () => observer.disconnect() });
}
