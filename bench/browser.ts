// Browser benchmarks: what the content script costs a page. Size of the built script (raw and gzipped), and the time
// from its start to the first highlighting pass as the extension measures it (`claimlens:find-and-highlight`), in
// real headless Chromium on the sample article and on yahoo-2 (a 1.6 MB front page, the large-page case).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir, launchChromium } from '../scripts/lib/browsers.ts';
import { corpusPageExists, startServer } from '../scripts/lib/serve.ts';
import type { BenchRow } from './run.ts';

const LOADS = 5;
const MEASURE = 'claimlens:find-and-highlight';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function contentScriptRows(): BenchRow[] {
  const file = join(extensionDir('chromium'), 'content-scripts', 'content.js');
  const code = readFileSync(file);
  return [
    { name: 'content script size (raw)', value: kB(code.length), reference: 'a minimal content script ≈ 4 kB' },
    { name: 'content script size (gzip)', value: kB(gzipSync(code, { level: 9 }).length) },
  ];
}

// Strings, not functions: evaluated verbatim in the page (tsx would otherwise add helpers the page lacks).
const READ_MEASURE = `(() => {
  const entry = performance.getEntriesByName(${JSON.stringify(MEASURE)}, 'measure')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return entry ? { duration: entry.duration, load: nav ? nav.loadEventEnd - nav.startTime : null } : null;
})()`;

async function highlightRows(): Promise<BenchRow[]> {
  if (!corpusPageExists('yahoo-2')) throw new Error('../shared/corpus/pages/yahoo-2 is missing');
  const server = await startServer();
  const session = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    for (const [name, url] of [['sample article', server.sampleUrl], ['yahoo-2 (1.6 MB)', server.corpusUrl('yahoo-2')]] as const) {
      const durations: number[] = [];
      const loads: number[] = [];
      // One warm-up load (compilation caches), then the measured ones, each in a fresh tab.
      for (let i = 0; i <= LOADS; i++) {
        const page = await session.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        const handle = await page.waitForFunction(READ_MEASURE, undefined, { timeout: 60_000 }).catch(() => {
          throw new Error(`No "${MEASURE}" performance measure on ${url}: does the content script record it?`);
        });
        const result = (await handle.jsonValue()) as { duration: number; load: number | null };
        await page.close();
        if (i === 0) continue;
        durations.push(result.duration);
        if (result.load !== null && result.load > 0) loads.push(result.load);
      }
      rows.push({
        name: `find and highlight: ${name}`,
        value: ms(median(durations)),
        reference: `median of ${LOADS} loads, headless Chromium; page load event ${loads.length ? ms(median(loads)) : 'n/a'}`,
      });
    }
    return rows;
  } finally {
    await session.close();
    await server.close();
  }
}

export default async function (): Promise<BenchRow[]> {
  return [...contentScriptRows(), ...(await highlightRows())];
}
