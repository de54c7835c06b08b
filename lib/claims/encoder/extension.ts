// The encoder inside the extension (Chrome's offscreen document, Firefox's background page).
import { MODEL_DIR, ORT_DIR } from './offscreen-protocol';
import { createEncoderScorer, ORT_WASM_FILE, type EncoderScorer } from './scorer';

/** The packaged model with the packaged runtime: nothing is fetched from outside the extension. */
export function createPackagedScorer(getUrl: (path: string) => string): Promise<EncoderScorer> {
  return createEncoderScorer(getUrl(`/${MODEL_DIR}/`), { wasmUrl: getUrl(`/${ORT_DIR}/${ORT_WASM_FILE}`) });
}
