/**
 * Logistic regression over sparse binary features, trained with mini-batch Adam and an L2 penalty. Pure and seeded:
 * the same data and options give the same weights on every machine. Used by scripts/claims-train.ts only; nothing
 * here is bundled into the extension.
 */

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to a weight whenever its feature appears in a batch. */
  l2: number;
  batchSize: number;
  seed: number;
  /** Weight of a `Yes` example in the loss, to counter the 1:3 class imbalance. */
  positiveWeight: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 8,
  learningRate: 0.01,
  l2: 1e-4,
  batchSize: 32,
  seed: 7,
  positiveWeight: 1,
};

export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

/** Mulberry32: small, fast and good enough to shuffle training examples reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Features seen in at least `minCount` examples, in a stable (sorted) order. */
export function buildVocabulary(examples: string[][], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const features of examples) for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const kept = [...counts]
    .filter(([, count]) => count >= minCount)
    .map(([feature]) => feature)
    .sort();
  return new Map(kept.map((feature, index) => [feature, index]));
}

export function encode(features: string[], vocabulary: Map<string, number>): Int32Array {
  const indices: number[] = [];
  for (const feature of features) {
    const index = vocabulary.get(feature);
    if (index !== undefined) indices.push(index);
  }
  return Int32Array.from(indices);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LinearModel, indices: Int32Array): number {
  let z = model.bias;
  for (const index of indices) z += model.weights[index]!;
  return sigmoid(z);
}

export function trainLogistic(
  inputs: Int32Array[],
  labels: boolean[],
  dimension: number,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  /** Per-feature multiplier of the L2 penalty (1 when absent): lets word features be held shorter than cues. */
  penalty?: Float64Array,
): LinearModel {
  const random = seededRandom(options.seed);
  const weights = new Float64Array(dimension);
  const gradient = new Float64Array(dimension);
  const m = new Float64Array(dimension + 1);
  const v = new Float64Array(dimension + 1);
  const touched = new Uint8Array(dimension);
  let bias = 0;
  let step = 0;
  const order = inputs.map((_, index) => index);
  const beta1 = 0.9;
  const beta2 = 0.999;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      const active: number[] = [];
      let biasGradient = 0;
      for (const example of batch) {
        const x = inputs[example]!;
        const y = labels[example] ? 1 : 0;
        let z = bias;
        for (const index of x) z += weights[index]!;
        const weight = y ? options.positiveWeight : 1;
        const error = (sigmoid(z) - y) * weight;
        biasGradient += error;
        for (const index of x) {
          if (!touched[index]) {
            touched[index] = 1;
            active.push(index);
          }
          gradient[index]! += error;
        }
      }
      step += 1;
      const scale = 1 / batch.length;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      // Sparse ("lazy") Adam: only features present in the batch move, with the penalty applied when they do.
      for (const index of active) {
        const g = gradient[index]! * scale + options.l2 * (penalty ? penalty[index]! : 1) * weights[index]!;
        m[index] = beta1 * m[index]! + (1 - beta1) * g;
        v[index] = beta2 * v[index]! + (1 - beta2) * g * g;
        weights[index]! -=
          (options.learningRate * (m[index]! / correction1)) / (Math.sqrt(v[index]! / correction2) + 1e-8);
        gradient[index] = 0;
        touched[index] = 0;
      }
      const gb = biasGradient * scale;
      m[dimension] = beta1 * m[dimension]! + (1 - beta1) * gb;
      v[dimension] = beta2 * v[dimension]! + (1 - beta2) * gb * gb;
      bias -= (options.learningRate * (m[dimension]! / correction1)) / (Math.sqrt(v[dimension]! / correction2) + 1e-8);
    }
  }
  return { weights, bias };
}
