/**
 * `npm run claims:eval -- --news [--sensitivity fewer|balanced|more]`: the whole finder on the labelled corpus pages,
 * per page and overall (see scripts/lib/news-eval.ts). Scores of labelled sentences come from a model trained without any
 * of these pages (training/oof-news.tsv), so the figures are for pages left out of training.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Sensitivity } from '../lib/model';
import { encoderScoresInNode } from './lib/node-finder';
import { evaluateNews, formatNews, readHeldOutScores } from './lib/news-eval';

export const HELD_OUT_SCORES = resolve(import.meta.dirname, '../training/oof-news.tsv');

export async function runNewsEval(sensitivity: Sensitivity): Promise<void> {
  if (!existsSync(HELD_OUT_SCORES))
    throw new Error(`no held-out scores at ${HELD_OUT_SCORES} (npm run claims:train writes them)`);
  const heldOut = readHeldOutScores(HELD_OUT_SCORES);
  const rows = await evaluateNews(
    (texts) =>
      encoderScoresInNode(
        texts.map((text) => ({ text })),
        'en',
      ),
    sensitivity,
    heldOut,
  );
  console.log(
    `News pages, sensitivity "${sensitivity}": labelled sentences scored by a model trained without these pages`,
  );
  console.log(
    '(P: highlights worth checking; R: check-worthy sentences highlighted; share: of the sentences considered;',
  );
  console.log(' outside: highlights matching no labelled sentence of the Readability body)');
  for (const line of formatNews(rows)) console.log(line);
}
