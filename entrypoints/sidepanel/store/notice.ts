/**
 * What the panel tells the reader about one area (a claim's save, the page, settings, the Library, backup and
 * import, exports): work going on, done, or failed. The one shape for every area, shown by `NoticeLine`.
 */
export interface Notice {
  kind: 'busy' | 'done' | 'error';
  message: string;
  /** Work counted in steps, for a progress bar (an import writing its chunks). */
  progress?: { done: number; total: number };
}

export const busy = (message: string, progress?: Notice['progress']): Notice =>
  progress ? { kind: 'busy', message, progress } : { kind: 'busy', message };
export const done = (message: string): Notice => ({ kind: 'done', message });
export const failed = (message: string): Notice => ({ kind: 'error', message });

/** An error in words the reader can act on. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'the browser has no storage space left for Claimlens. Free some disk space or export and delete old pages.';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The panel's one way to run a write or a read that may fail: runs `action`; a thrown error becomes the notice
 * "`prefix`: reason" handed to `report`, and the result is undefined. Nothing the action throws escapes to the UI.
 */
export async function attempt<T>(
  action: () => Promise<T>,
  report: (notice: Notice) => void,
  prefix: string,
): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    report(failed(`${prefix}: ${messageOf(error)}`));
    return undefined;
  }
}
