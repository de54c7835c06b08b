/**
 * Precision, recall and F1 of the `Yes` class for the shipped finder.
 *
 *   npm run claims:eval                 CheckThat! sentences (debates) scored by the shipped encoder
 *   npm run claims:eval -- --news       the whole finder on the labelled news pages, held out, then the above
 *       [--sensitivity fewer|balanced|more]
 *
 * The shipped encoder was trained on the CheckThat! dev split and the newest slice of train too, so its figures there
 * read high (marked *): the honest figures on later debates are those `npm run claims:train` measured on a model that
 * had not seen them, stored in public/claims-model/claims-model.json and printed last.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measure, NEWEST_FROM, splitTrain, type Example, type Metrics } from '../lib/claims/model/dataset';
import type { Sensitivity } from '../lib/model';
import { formatMetrics, loadCorpus } from './claims-train';
import { runNewsEval } from './claims-eval-news';
import { encoderScoresInNode, MODEL_DIR, nodeEncoder } from './lib/node-finder';

async function evaluate(name: string, examples: Example[], threshold: number): Promise<void> {
  const scores = await encoderScoresInNode(examples, 'en');
  const labels = examples.map((example) => example.label);
  console.log(
    formatMetrics(
      name,
      measure(
        scores.map((s) => s ?? 0),
        labels,
        threshold,
      ),
    ),
  );
}

async function checkThat(): Promise<void> {
  const encoder = await nodeEncoder();
  const threshold = encoder.config.debateThreshold ?? encoder.config.suggestedThreshold ?? 0.5;
  const { train, dev } = loadCorpus();
  const { newest } = splitTrain(train);
  console.log(`CheckThat! 2024 (debates), one sentence at a time, threshold ${threshold}:`);
  await evaluate('dev split*', dev, threshold);
  await evaluate(`newest slice (train ids >= ${NEWEST_FROM})*`, newest, threshold);
  console.log('* trained on by the shipped model.');
  const shipped = JSON.parse(readFileSync(resolve(MODEL_DIR, 'claims-model.json'), 'utf8')) as {
    validation?: Record<string, Metrics>;
  };
  const held = Object.entries(shipped.validation ?? {});
  if (held.length) console.log('held out at training time (models that had not seen these sentences):');
  for (const [name, metrics] of held) console.log('  ' + formatMetrics(name, metrics));
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--news')) {
    const at = args.indexOf('--sensitivity');
    const sensitivity = (at >= 0 ? args[at + 1] : 'balanced') as Sensitivity;
    if (!['fewer', 'balanced', 'more'].includes(sensitivity))
      throw new Error('--sensitivity is fewer, balanced or more');
    await runNewsEval(sensitivity);
    console.log('');
  }
  await checkThat();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`claims:eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
