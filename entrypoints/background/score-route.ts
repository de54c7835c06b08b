import { assertSenderIsOurs, parseMessage, scoreRequest, type SenderLike } from '@/lib/messaging/validate';

/** Whatever scores the texts in this browser: the offscreen document (Chrome) or this very page (Firefox). */
export type ScoreBackend = (texts: string[]) => Promise<number[]>;

/** `claims:score`: validates payload and sender, then asks the backend. Nothing to score is answered at once. */
export function createScoreHandler(extensionId: string, backend: ScoreBackend) {
  return async (data: unknown, sender: SenderLike): Promise<{ scores: number[] }> => {
    assertSenderIsOurs(sender, extensionId);
    const { texts } = parseMessage(scoreRequest, data);
    if (texts.length === 0) return { scores: [] };
    const scores = await backend(texts);
    if (scores.length !== texts.length)
      throw new Error(`The encoder returned ${scores.length} scores for ${texts.length} texts`);
    return { scores };
  };
}

/** The subset of `chrome.offscreen` used here (Chrome 116+: hasDocument). */
export interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

export const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Chrome: a service worker cannot host the WebAssembly model for long (it is stopped when idle, and has no DOM), so
 * an offscreen document does. It is created on demand and reused; after the worker restarts, `hasDocument` finds
 * the one still open, and if Chrome closed it, the next request makes a new one.
 */
export function offscreenBackend(
  offscreen: OffscreenApi,
  send: (texts: string[]) => Promise<{ scores: number[] }>,
): ScoreBackend {
  const ensureDocument = offscreenDocument(offscreen);
  return async (texts) => {
    await ensureDocument();
    return (await send(texts)).scores;
  };
}

/** Makes sure the offscreen document exists; concurrent callers share one creation. */
export function offscreenDocument(offscreen: OffscreenApi): () => Promise<void> {
  let creating: Promise<void> | undefined;
  return async () => {
    if (await offscreen.hasDocument()) return;
    creating ??= offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['WORKERS', 'DOM_PARSER'],
        justification:
          'Runs the on-device check-worthiness model (WebAssembly) and reads article bodies with Readability (DOMParser), which the service worker cannot do.',
      })
      .catch(async (error: unknown) => {
        // Two workers' requests raced and the other one made it: that document will do.
        if (!(await offscreen.hasDocument())) throw error;
      })
      .finally(() => {
        creating = undefined;
      });
    await creating;
  };
}
