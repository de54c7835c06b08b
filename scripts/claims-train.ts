/**
 * Trains the check-worthiness model and writes lib/claims/model/weights.json.
 *
 *   npm run claims:train
 *
 * 1. A validation model is fitted on train ids below TUNE_FROM; the threshold with the best F1 on the tune slice
 *    (ids TUNE_FROM..NEWEST_FROM) is kept.
 * 2. The shipped model is fitted the same way on every train id below NEWEST_FROM, and its bias is shifted so that the
 *    chosen threshold reads as 0.5. The newest slice and the dev split are never trained on: `npm run claims:eval`
 *    reports them.
 * Deterministic: the same corpus gives the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, type FeatureOptions } from '../lib/claims/model/features';
import { buildVocabulary, encode, trainLogistic, DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../lib/claims/model/train';
import { loadModel, scoreWithModel, type ShippedModel } from '../lib/claims/model/linear';
import {
  bestThreshold, CORPUS_DIR, DEV_FILE, measure, NEWEST_FROM, splitTrain, TRAIN_FILE, TUNE_FROM, type Example,
  type Metrics,
} from '../lib/claims/model/dataset';
import { readLabelled } from './lib/tsv';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEIGHTS_PATH = resolve(PROJECT_ROOT, 'lib/claims/model/weights.json');

export const FEATURE_OPTIONS: FeatureOptions = { bigrams: true, prefix: 0, charGrams: 0, pronouns: true, names: 0 };
export const TRAIN_OPTIONS: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, learningRate: 0.003 };
/** Features seen in fewer training sentences than this are dropped: they are mostly names of the day. */
export const MIN_COUNT = 5;
/** Models trained with these seeds are averaged, which steadies the weights of rare features. */
export const SEEDS = [7, 11, 13];
/** The shipped file keeps the strongest weights only, to stay small in the content script. */
export const MAX_FEATURES = 6000;
const QUANT_LEVELS = 127;

export function loadCorpus(): { train: Example[]; dev: Example[] } {
  const dir = resolve(PROJECT_ROOT, process.env.CLAIMS_CORPUS ?? CORPUS_DIR);
  const read = (file: string): Example[] => {
    const path = resolve(dir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`Cannot read ${path}: set CLAIMS_CORPUS to the folder that holds ${TRAIN_FILE} and ${DEV_FILE}.`);
    }
    const { rows, problems } = readLabelled(text);
    for (const problem of problems) console.warn(`${file}:${problem.line}: ${problem.message}; skipped`);
    return rows.map(({ id, text: sentence, label }) => ({ id, text: sentence, label }));
  };
  return { train: read(TRAIN_FILE), dev: read(DEV_FILE) };
}

/** Fits, averages over seeds, prunes and quantises; the bias is left uncentred (threshold 0.5 on raw scores). */
export function fitShippedModel(examples: Example[], trainedOn: string): ShippedModel {
  const features = examples.map((example) => extractFeatures(example.text, FEATURE_OPTIONS));
  const vocabulary = buildVocabulary(features, MIN_COUNT);
  const inputs = features.map((list) => encode(list, vocabulary));
  const labels = examples.map((example) => example.label);
  const sum = new Float64Array(vocabulary.size);
  let bias = 0;
  for (const seed of SEEDS) {
    const model = trainLogistic(inputs, labels, vocabulary.size, { ...TRAIN_OPTIONS, seed });
    model.weights.forEach((weight, index) => (sum[index]! += weight / SEEDS.length));
    bias += model.bias / SEEDS.length;
  }
  const names = [...vocabulary.keys()];
  const kept = names
    .map((name, index) => ({ name, weight: sum[index]! }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.name < b.name ? -1 : 1))
    .slice(0, MAX_FEATURES);
  const scale = Math.max(...kept.map(({ weight }) => Math.abs(weight))) / QUANT_LEVELS;
  const weights: Record<string, number> = {};
  for (const { name, weight } of kept.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const quantised = Math.round(weight / scale);
    if (quantised !== 0) weights[name] = quantised;
  }
  return { version: 1, trainedOn, options: FEATURE_OPTIONS, scale: round(scale, 8), bias: round(bias, 6), threshold: 0.5, weights };
}

export function scoreAll(model: ShippedModel, examples: Example[]): number[] {
  const loaded = loadModel(model);
  return examples.map((example) => scoreWithModel(loaded, example.text));
}

export function formatMetrics(name: string, metrics: Metrics): string {
  const f = (value: number) => value.toFixed(3);
  return `${name.padEnd(34)} n=${String(metrics.count).padStart(5)}  P=${f(metrics.precision)}  R=${f(metrics.recall)}  F1=${f(metrics.f1)}`;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function main(): void {
  const started = performance.now();
  const { train, dev } = loadCorpus();
  const { fit, tune, newest } = splitTrain(train);
  const labelsOf = (examples: Example[]) => examples.map((example) => example.label);
  console.log(`train ${train.length} (fit ${fit.length}, tune ${tune.length}, newest ${newest.length}), dev ${dev.length}`);

  const validation = fitShippedModel(fit, `train ids < ${TUNE_FROM}`);
  const threshold = bestThreshold(scoreAll(validation, tune), labelsOf(tune));
  console.log(`threshold chosen on the tune slice: ${threshold}`);
  for (const [name, examples] of [['tune (validation model)', tune], ['newest (validation model)', newest]] as const) {
    console.log(formatMetrics(name, measure(scoreAll(validation, examples), labelsOf(examples), threshold)));
  }

  const shipped = fitShippedModel([...fit, ...tune], `train ids < ${NEWEST_FROM}; threshold from ids ${TUNE_FROM}..${NEWEST_FROM - 1}`);
  // Shift the bias so the chosen threshold reads as 0.5: a reader sees "above half" as "worth checking".
  shipped.bias = round(shipped.bias - Math.log(threshold / (1 - threshold)), 6);
  for (const [name, examples] of [['newest (shipped)', newest], ['dev (shipped)', dev]] as const) {
    console.log(formatMetrics(name, measure(scoreAll(shipped, examples), labelsOf(examples), shipped.threshold)));
  }

  const json = JSON.stringify(shipped);
  writeFileSync(WEIGHTS_PATH, json + '\n');
  const kb = (bytes: number) => (bytes / 1024).toFixed(1) + ' kB';
  console.log(`wrote ${WEIGHTS_PATH}: ${Object.keys(shipped.weights).length} features, ${kb(json.length)} raw, ${kb(gzipSync(json).length)} gzipped`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
