// Storage at scale: 100,000 claims over 10,000 pages, in fake-indexeddb (Node) and in real Chromium IndexedDB, both
// loaded from a backup file with the product's import (`importBackupFile`: parse and check, then chunked writes),
// which is timed, then queried.
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser } from '../scripts/lib/browsers';
import { storageWorkload, type StorageFigures } from './_storage-workload';
import { loadavg } from 'node:os';

type BenchRow = { name: string; value: string; reference?: string };

const PAGES = 10_000;
const CLAIMS = 100_000;

async function inChromium(): Promise<StorageFigures> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./_storage-workload.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/workload.js') {
      res.setHeader('content-type', 'text/javascript');
      res.end(script);
    } else {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>storage bench</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      async ([pages, claims, url]) => {
        const mod = (await import(url)) as { storageWorkload: typeof storageWorkload };
        return mod.storageWorkload(pages, claims);
      },
      [PAGES, CLAIMS, '/workload.js'] as const,
    );
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en')} ms`;

export { inChromium };

export default async function storageBench(): Promise<BenchRow[]> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const node = await storageWorkload(PAGES, CLAIMS);
  const browser = await inChromium();
  const loadAfter = loadavg()[0]!.toFixed(2);
  const scale = `${CLAIMS.toLocaleString('en')} claims / ${PAGES.toLocaleString('en')} pages`;
  const row = (name: string, pick: (f: StorageFigures) => string): BenchRow => ({
    name: `storage (${scale}): ${name}`,
    value: `${pick(browser)} Chromium IndexedDB`,
    reference: `${pick(node)} fake-indexeddb`,
  });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const search = (f: StorageFigures) => {
    const times = f.searches.map((q) => q.ms);
    return `${ms(median(times))} median of ${times.length} queries (${ms(Math.min(...times))}–${ms(Math.max(...times))})`;
  };
  const hits = node.searches.map((q) => `"${q.query}" ${q.hits}`).join(', ');
  return [
    {
      ...row(
        'full import of a backup file: read and check / write',
        (f) => `${ms(f.readMs + f.writeMs)} (${ms(f.readMs)} / ${ms(f.writeMs)}, ${f.progressSteps} progress steps)`,
      ),
      reference:
        `${ms(node.readMs + node.writeMs)} fake-indexeddb; ${(node.fileBytes / 1e6).toFixed(1)} MB file; one run each, ` +
        `load ${loadBefore} → ${loadAfter} on 2 cores`,
    },
    row('claims of one page', (f) => ms(f.pageQueryMs)),
    row('all unsourced claims', (f) => `${ms(f.unsourcedMs)} (${f.unsourcedCount.toLocaleString('en')})`),
    {
      ...row('Library search (word index, newest 200 hits)', search),
      reference: `${search(node)} fake-indexeddb; hits: ${hits}`,
    },
    row('full backup to JSON', (f) => `${ms(f.backupMs)} (${(f.backupBytes / 1e6).toFixed(1)} MB)`),
  ];
}
