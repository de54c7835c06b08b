// `npm run bench`: runs every bench module in bench/ (each default-exports `async () => BenchRow[]`) and prints one
// table. Modules are found by listing the folder, so a new bench file needs no registration here.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type BenchRow = { name: string; value: string; reference?: string };
type BenchModule = { default?: () => Promise<BenchRow[]> };

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2); // `npm run bench -- browser` runs bench/browser.ts alone
const files = readdirSync(here)
  .filter((f) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(f) && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort();

// A module that never settles must not hide every other module's rows.
const MODULE_TIMEOUT_S = Number(process.env.BENCH_MODULE_TIMEOUT_S ?? 600);
function withTimeout<T>(work: Promise<T>, file: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${file} timed out after ${MODULE_TIMEOUT_S} s (BENCH_MODULE_TIMEOUT_S)`)),
      MODULE_TIMEOUT_S * 1000,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Browser rows measure the built extension: a fresh clone has none, so build it first (as `npm test` does).
const project = join(here, '..');
if (!['chrome-mv3', 'firefox-mv3'].every((dir) => existsSync(join(project, '.output', dir, 'manifest.json')))) {
  process.stderr.write('▸ no build of the extension yet: npm run build\n');
  execFileSync('npm', ['run', 'build'], { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
}

const rows: BenchRow[] = [];
let failed = false;
for (const file of files) {
  const started = performance.now();
  process.stderr.write(`▸ bench/${file} … `);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    if (typeof mod.default !== 'function') throw new Error('no default export function');
    rows.push(...(await withTimeout(mod.default(), file)));
    process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    failed = true;
    process.stderr.write('failed\n');
    console.error(error);
    rows.push({
      name: `bench/${file}`,
      value: 'FAILED',
      reference: String((error as Error).message ?? error).split('\n')[0],
    });
  }
}

const header: BenchRow = { name: 'name', value: 'value', reference: 'reference' };
const widths = (['name', 'value', 'reference'] as const).map((key) =>
  Math.max(3, ...[header, ...rows].map((row) => (row[key] ?? '').length)),
);
const line = (row: BenchRow) =>
  `| ${[row.name, row.value, row.reference ?? ''].map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
// Exit explicitly: a timed-out module may still hold a browser or a timer open.
process.exit(failed ? 1 : 0);
