import type { Cue } from '../types';
import { extractFeatures, type FeatureOptions } from './features';

/** The shipped model as stored in weights.json: quantised weights by feature name. */
export interface ShippedModel {
  version: 1;
  /** Which corpus slices trained it and chose its threshold; for people reading the file. */
  trainedOn: string;
  options: FeatureOptions;
  /** A stored weight w stands for w * scale. */
  scale: number;
  bias: number;
  /** Scores at or above this are claims. */
  threshold: number;
  weights: Record<string, number>;
  /** Held-out F1 etc. measured by `npm run claims:train` on models that had not seen the slice; for readers. */
  validation?: Record<string, { precision: number; recall: number; f1: number; count: number }>;
}

export interface LoadedModel {
  options: FeatureOptions;
  bias: number;
  threshold: number;
  weights: Map<string, number>;
}

export function loadModel(model: ShippedModel): LoadedModel {
  const weights = new Map<string, number>();
  // A key loop, not `Object.entries`: no pair array per weight (it ran cold, once per page, and took 2-5 times longer).
  const stored = model.weights;
  for (const feature in stored)
    if (Object.hasOwn(stored, feature)) weights.set(feature, stored[feature]! * model.scale);
  return { options: model.options, bias: model.bias, threshold: model.threshold, weights };
}

export function scoreWithModel(model: LoadedModel, text: string, cues?: Cue[]): number {
  let z = model.bias;
  for (const feature of extractFeatures(text, model.options, cues)) z += model.weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
