/**
 * Scores sentences from the command line with the same scorer as the content script.
 *
 *   npm run claims -- FILE.tsv         id<TAB>sentence rows after a header  ->  id<TAB>score<TAB>Yes|No
 *   npm run claims -- --html PAGE.html  the whole claim finder on a saved page (scripts/claims-html.ts)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLAIM_THRESHOLD, scoreSentence } from '../lib/claims/score';
import { readSentences } from './lib/tsv';

const USAGE = 'usage: npm run claims -- FILE.tsv | --html PAGE.html';

export function scoreTsv(text: string, name: string, out: (line: string) => void, err: (line: string) => void): void {
  const { rows, problems } = readSentences(text);
  for (const problem of problems) err(`${name}:${problem.line}: ${problem.message}; row skipped`);
  for (const row of rows) {
    const { score } = scoreSentence(row.text);
    out(`${row.id}\t${score.toFixed(4)}\t${score >= CLAIM_THRESHOLD ? 'Yes' : 'No'}`);
  }
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
  scoreTsv(text, path, (line) => lines.push(line), (line) => console.error(line));
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
