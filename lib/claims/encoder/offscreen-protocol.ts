// No ONNX Runtime in here: Chrome's service worker imports this to talk to the offscreen document.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EncoderScorer } from './scorer';

/** Output folders of the packaged files (public/claims-model, and the wasm copied by wxt.config.ts). */
export const MODEL_DIR = 'claims-model';
export const ORT_DIR = 'ort';

/** Background (Chrome service worker) → offscreen document. The offscreen document checks the sender again. */
export interface OffscreenProtocol {
  'offscreen:score'(data: { texts: string[] }): { scores: number[] };
  'offscreen:article'(data: { html: string; url: string }): { blocks: string[] | null };
}

export const offscreenMessenger = defineExtensionMessaging<OffscreenProtocol>();

/**
 * One scorer per document, made on first use. A failed load is not cached: the next request tries again (the model
 * may be missing from a development build, or the document ran out of memory).
 */
export function lazyScorer(make: () => Promise<EncoderScorer>): () => Promise<EncoderScorer> {
  let scorer: Promise<EncoderScorer> | undefined;
  return () => {
    scorer ??= make().catch((error: unknown) => {
      scorer = undefined;
      throw error;
    });
    return scorer;
  };
}
