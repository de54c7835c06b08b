/**
 * Precision, recall and F1 of the `Yes` class for the shipped model, through the same scorer the content script uses.
 *
 *   npm run claims:eval
 *
 * The dev split shares its debates with train and reads high. The shipped model is fitted on every train id, so the
 * newest and tune slices read high too: the honest guess at new material is the held-out figures that
 * `npm run claims:train` measured on models that had not seen those slices, stored in weights.json and printed last.
 */
import { CLAIM_THRESHOLD, scoreSentence } from '../lib/claims/score';
import shipped from '../lib/claims/model/weights.json';
import { measure, NEWEST_FROM, splitTrain, TUNE_FROM, type Example, type Metrics } from '../lib/claims/model/dataset';
import { formatMetrics, loadCorpus } from './claims-train';

function evaluate(name: string, examples: Example[]): void {
  const scores = examples.map((example) => scoreSentence(example.text).score);
  console.log(formatMetrics(name, measure(scores, examples.map((example) => example.label), CLAIM_THRESHOLD)));
}

try {
  const { train, dev } = loadCorpus();
  const { tune, newest } = splitTrain(train);
  console.log(`threshold ${CLAIM_THRESHOLD}`);
  evaluate('dev split', dev);
  evaluate(`newest slice (train ids >= ${NEWEST_FROM})*`, newest);
  evaluate(`tune slice (ids ${TUNE_FROM}..${NEWEST_FROM - 1})*`, tune);
  console.log('* trained on by the shipped model; its threshold was chosen there on models that were not.');
  console.log(`held out at training time (${shipped.trainedOn}):`);
  for (const [name, metrics] of Object.entries((shipped as { validation?: Record<string, Metrics> }).validation ?? {})) {
    console.log('  ' + formatMetrics(name, metrics));
  }
} catch (error) {
  console.error(`claims:eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
