// Node only (scripts, tests, benchmarks): the extension fetches the same files by URL instead.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createEncoderScorer,
  parseModelConfig,
  type EncoderFiles,
  type EncoderOptions,
  type EncoderScorer,
} from './scorer';

/** Reads `claims-model.json`, `vocab.txt` and the ONNX file of a model directory (e.g. public/claims-model). */
export async function readEncoderFiles(dir: string): Promise<EncoderFiles> {
  const config = parseModelConfig(JSON.parse(await readFile(join(dir, 'claims-model.json'), 'utf8')));
  const [vocab, model] = await Promise.all([
    readFile(join(dir, 'vocab.txt'), 'utf8'),
    readFile(join(dir, config.model)),
  ]);
  return { config, vocab, model: new Uint8Array(model.buffer, model.byteOffset, model.byteLength) };
}

/** The scorer on a model directory, with ONNX Runtime's WebAssembly backend, as in the extension. */
export async function loadEncoderScorerFromDisk(
  dir: string,
  options: Omit<EncoderOptions, 'wasmUrl'> = {},
): Promise<EncoderScorer> {
  return createEncoderScorer(await readEncoderFiles(dir), options);
}
