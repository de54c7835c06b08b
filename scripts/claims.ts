/**
 * Scores sentences from the command line with the same scorer as the extension (the on-device sentence encoder).
 *
 *   npm run claims -- FILE.tsv         id<TAB>sentence rows after a header  ->  id<TAB>score<TAB>Yes|No
 *                                      (one sentence without its page: Yes at the cut chosen on held-out debates)
 *   npm run claims -- --html PAGE.html  the whole claim finder on a saved page (scripts/claims-html.ts)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SELECTION } from '../lib/claims/page-selection';
import { scoreSentence } from '../lib/claims/score';
import { encoderScoresInNode, nodeEncoder } from './lib/node-finder';
import { readSentences } from './lib/tsv';

const USAGE = 'usage: npm run claims -- FILE.tsv | --html PAGE.html';

export async function scoreTsv(
  text: string,
  name: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const { rows, problems } = readSentences(text);
  for (const problem of problems) err(`${name}:${problem.line}: ${problem.message}; row skipped`);
  const { config } = await nodeEncoder();
  // One sentence without its page: the cut chosen on later debates the model had not seen (not the page-level choice).
  const threshold = config.debateThreshold ?? config.suggestedThreshold ?? SELECTION.balanced.floor;
  // Rows in another language get the language-neutral score, as in the extension.
  const scores = await encoderScoresInNode(rows, 'en');
  rows.forEach((row, i) => {
    const score = scores[i] ?? scoreSentence(row.text).score;
    out(`${row.id}\t${score.toFixed(4)}\t${score >= threshold ? 'Yes' : 'No'}`);
  });
}

function fail(message: string): never {
  console.error(`claims: ${message}`);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--html') {
    if (!args[1]) fail(USAGE);
    const { runHtml } = await import('./claims-html');
    await runHtml(args[1]);
    return;
  }
  const path = args[0];
  if (!path || path.startsWith('-')) fail(USAGE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? String(error)})`);
  }
  const lines: string[] = [];
  await scoreTsv(
    text,
    path,
    (line) => lines.push(line),
    (line) => console.error(line),
  );
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
