/**
 * Precision, recall and F1 of the `Yes` class for the shipped model, through the same scorer the content script uses.
 *
 *   npm run claims:eval
 *
 * The dev split shares its debates with train and reads high; the held-back newest slice (later debates, never trained
 * on) is the better guess at how the model does on new material.
 */
import { CLAIM_THRESHOLD, scoreSentence } from '../lib/claims/score';
import { measure, NEWEST_FROM, splitTrain, TUNE_FROM, type Example } from '../lib/claims/model/dataset';
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
  evaluate(`newest slice (train ids >= ${NEWEST_FROM})`, newest);
  evaluate(`tune slice (ids ${TUNE_FROM}..${NEWEST_FROM - 1})*`, tune);
  console.log('* trained on by the shipped model; its threshold was chosen there on a model that was not.');
} catch (error) {
  console.error(`claims:eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
