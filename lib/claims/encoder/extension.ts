// The encoder inside the extension (Chrome's offscreen document, Firefox's background page).
import { MODEL_DIR, ORT_DIR } from './offscreen-protocol';
import { withScoreCache } from './score-cache';
import { createEncoderScorer, ORT_WASM_FILE, type EncoderScorer } from './scorer';

/** The packaged model with the packaged runtime: nothing is fetched from outside the extension. */
export async function createPackagedScorer(getUrl: (path: string) => string): Promise<EncoderScorer> {
  // Two threads where the page is cross-origin isolated (Chrome's offscreen document); Firefox's event page is not.
  const threads = globalThis.crossOriginIsolated ? Math.min(2, navigator.hardwareConcurrency || 1) : 1;
  const scorer = await createEncoderScorer(getUrl(`/${MODEL_DIR}/`), {
    wasmUrl: getUrl(`/${ORT_DIR}/${ORT_WASM_FILE}`),
    mjsUrl: getUrl(`/${ORT_DIR}/ort-wasm-simd-threaded.mjs`),
    threads,
  });
  return withScoreCache(scorer);
}
