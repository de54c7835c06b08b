/**
 * The check-worthiness encoder: WordPiece ids → ONNX Runtime (WebAssembly backend, one thread, no proxy worker) →
 * probability of "Yes". The same module runs in the extension (offscreen document in Chrome, background page in
 * Firefox) and in Node (`npm run claims`, `npm run claims:eval`), with the same ONNX Runtime build, so both print the
 * same scores.
 */
import * as ort from 'onnxruntime-web/wasm';
import { createWordPieceTokenizer, type WordPieceTokenizer } from './tokenizer';

/** `claims-model.json`, written by training/train.py beside the model. Only the fields the runtime reads. */
export interface ClaimsModelConfig {
  /** Path of the ONNX file, relative to the model directory. */
  model: string;
  maxLength: number;
  lowercase: boolean;
  stripAccents?: boolean;
  output: { name: string; yesIndex: number };
  suggestedThreshold?: number;
  /** The cut for single sentences without their page (CheckThat!-style), chosen on later debates held out. */
  debateThreshold?: number;
}

/** Everything a scorer needs, already loaded (Node reads files; the extension fetches its own URLs). */
export interface EncoderFiles {
  config: ClaimsModelConfig;
  vocab: string;
  model: Uint8Array;
}

export interface EncoderScorer {
  /** Probability that each sentence is check-worthy, in input order. */
  score(texts: string[]): Promise<number[]>;
  readonly config: ClaimsModelConfig;
  readonly tokenizer: WordPieceTokenizer;
}

export interface EncoderOptions {
  /**
   * Sentences per ONNX run. 1 by default: the int8 model quantizes its activations per tensor at run time
   * (DynamicQuantizeLinear), so a sentence's score would depend on the other sentences of its batch (up to ±0.014
   * measured at batch 16); one at a time, a sentence always gets the same score, whoever asks and in whatever
   * groups, and it is no slower on the WebAssembly backend (measured: 100 sentences in about the same time).
   */
  batchSize?: number;
  /**
   * Where the ONNX Runtime `.wasm` file is (a URL). Unset: ONNX Runtime looks next to its own module, which is what
   * Node wants; the extension passes its packaged copy so that nothing is fetched from elsewhere.
   */
  wasmUrl?: string;
  /** Where ONNX Runtime's glue module is (extension builds load it at run time: see wxt.config.ts). */
  mjsUrl?: string;
  /** WebAssembly threads; more than 1 only where memory can be shared (a cross-origin isolated page). */
  threads?: number;
}

/** The name of the runtime's wasm binary: the build step copies it into the extension (see wxt.config.ts). */
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';

let configuredWasmUrl: string | undefined;

function configureRuntime({ wasmUrl, mjsUrl, threads = 1 }: EncoderOptions): void {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.proxy = false;
  if (wasmUrl !== undefined) {
    if (configuredWasmUrl !== undefined && configuredWasmUrl !== wasmUrl) {
      throw new Error('ONNX Runtime is already initialised with another wasm URL');
    }
    configuredWasmUrl = wasmUrl;
    ort.env.wasm.wasmPaths = mjsUrl ? { wasm: wasmUrl, mjs: mjsUrl } : { wasm: wasmUrl };
  }
}

export function parseModelConfig(json: unknown): ClaimsModelConfig {
  const c = json as Partial<ClaimsModelConfig> | null;
  if (
    !c ||
    typeof c.model !== 'string' ||
    !Number.isInteger(c.maxLength) ||
    typeof c.lowercase !== 'boolean' ||
    typeof c.output?.name !== 'string' ||
    !Number.isInteger(c.output?.yesIndex)
  ) {
    throw new Error('claims-model.json lacks model, maxLength, lowercase or output {name, yesIndex}');
  }
  return c as ClaimsModelConfig;
}

/** Softmax probability of `yes` among the row's logits (for two classes, sigmoid of their difference). */
function probability(logits: ArrayLike<number>, offset: number, classes: number, yes: number): number {
  let max = -Infinity;
  for (let k = 0; k < classes; k++) max = Math.max(max, logits[offset + k]!);
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += Math.exp(logits[offset + k]! - max);
  return Math.exp(logits[offset + yes]! - max) / sum;
}

async function fetchFiles(baseUrl: string): Promise<EncoderFiles> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (path: string) => {
    // A file missing from an extension package fails as a network error (Chrome) rather than a 404.
    const response = await fetch(new URL(path, base)).catch((error: unknown) => {
      throw new Error(
        `Cannot load ${path} of the claims model from ${base}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (!response.ok) throw new Error(`Cannot load ${path} of the claims model from ${base}: HTTP ${response.status}`);
    return response;
  };
  const config = parseModelConfig(await (await get('claims-model.json')).json());
  const [vocab, model] = await Promise.all([
    get('vocab.txt').then((r) => r.text()),
    get(config.model).then(async (r) => new Uint8Array(await r.arrayBuffer())),
  ]);
  return { config, vocab, model };
}

/**
 * Loads the model and returns a scorer. `source` is the model directory's URL (it holds `claims-model.json`,
 * `vocab.txt` and the ONNX file named there) or the files themselves.
 */
export async function createEncoderScorer(
  source: string | EncoderFiles,
  options: EncoderOptions = {},
): Promise<EncoderScorer> {
  const batchSize = options.batchSize ?? 1;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  configureRuntime(options);
  const files = typeof source === 'string' ? await fetchFiles(source) : source;
  const config = parseModelConfig(files.config);
  const tokenizer = createWordPieceTokenizer(files.vocab, {
    maxLength: config.maxLength,
    lowercase: config.lowercase,
    stripAccents: config.stripAccents,
  });
  const session = await ort.InferenceSession.create(files.model, { executionProviders: ['wasm'] });
  const outputName = config.output.name;
  if (!session.outputNames.includes(outputName)) throw new Error(`The model has no output "${outputName}"`);
  const wantsMask = session.inputNames.includes('attention_mask');
  const wantsTypes = session.inputNames.includes('token_type_ids');

  async function runBatch(batch: number[][]): Promise<number[]> {
    const width = Math.max(...batch.map((ids) => ids.length));
    const size = batch.length * width;
    const ids = new BigInt64Array(size); // [PAD] is 0
    const mask = new BigInt64Array(size);
    batch.forEach((row, i) => {
      row.forEach((id, j) => {
        ids[i * width + j] = BigInt(id);
        mask[i * width + j] = 1n;
      });
    });
    const dims = [batch.length, width];
    const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor('int64', ids, dims) };
    if (wantsMask) feeds.attention_mask = new ort.Tensor('int64', mask, dims);
    if (wantsTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(size), dims);
    const results = await session.run(feeds);
    try {
      const logits = results[outputName]!;
      const classes = logits.dims.at(-1) ?? 1;
      const data = logits.data as Float32Array;
      return batch.map((_, i) => probability(data, i * classes, classes, config.output.yesIndex));
    } finally {
      for (const tensor of Object.values(results)) tensor.dispose();
    }
  }

  // One run at a time: a WebAssembly session must not be entered twice, and requests from several tabs interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    config,
    tokenizer,
    score(texts: string[]): Promise<number[]> {
      return serial(async () => {
        const encoded = texts.map((text) => tokenizer.encode(text));
        const scores: number[] = [];
        for (let start = 0; start < encoded.length; start += batchSize) {
          scores.push(...(await runBatch(encoded.slice(start, start + batchSize))));
        }
        return scores;
      });
    },
  };
}
