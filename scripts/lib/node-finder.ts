/**
 * The finder in Node exactly as the extension runs it on a page: Readability's body (or the heuristic), every candidate
 * sentence, the encoder's scores for the English ones, then the page-level choice for the reader's sensitivity.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './paths';
import { chooseClaims } from '../../lib/claims/choose-claims';
import { encoderInputs } from '../../lib/claims/encoder-inputs';
import { loadEncoderScorerFromDisk } from '../../lib/claims/encoder/node';
import type { EncoderScorer } from '../../lib/claims/encoder/scorer';
import type { PageClaims } from '../../lib/claims/find-claims';
import { findClaims } from '../../lib/claims/find-page-claims';
import type { Sensitivity } from '../../lib/model';

// From this file's folder, not import.meta.url: Vitest's DOM environments give that another scheme.

/** The shipped model (`CLAIMS_MODEL_DIR` points elsewhere, for example at a training run's export). */
export const MODEL_DIR = resolve(PROJECT_ROOT, process.env.CLAIMS_MODEL_DIR ?? 'public/claims-model');

let shared: Promise<EncoderScorer> | undefined;

/** The shipped encoder, loaded once per process; a clear error when the model files are missing. */
export function nodeEncoder(): Promise<EncoderScorer> {
  if (!existsSync(resolve(MODEL_DIR, 'claims-model.json'))) {
    return Promise.reject(new Error(`the claims model is missing from ${MODEL_DIR} (npm run claims:train writes it)`));
  }
  shared ??= loadEncoderScorerFromDisk(MODEL_DIR);
  return shared;
}

/** Encoder scores per candidate (null where it does not read the sentence), as the content script gets them. */
export async function encoderScoresInNode(candidates: ReadonlyArray<{ text: string }>, lang: string) {
  const inputs = encoderInputs(candidates, lang);
  if (!inputs.texts.length) return inputs.place([]);
  return inputs.place(await (await nodeEncoder()).score(inputs.texts));
}

/** What the extension highlights on this document with the given sensitivity. */
export async function highlightedClaims(doc: Document, sensitivity: Sensitivity = 'balanced'): Promise<PageClaims> {
  const found = findClaims(doc, { threshold: 0 });
  const scores = await encoderScoresInNode(found.claims, found.lang);
  return { ...found, claims: chooseClaims(found.claims, sensitivity, scores) };
}
