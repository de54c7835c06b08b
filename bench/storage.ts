// Storage at scale: 100,000 claims over 10,000 pages, in fake-indexeddb (Node) and in real Chromium IndexedDB.
// Chromium loads the data with the product's import (`importEntries`, one transaction) and times it. fake-indexeddb
// cannot: the import's `where('pageUrl').anyOf(urls)` steps a cursor record by record, and each step costs fake-
// indexeddb milliseconds (1,000 claims 1.4 s, 4,000 claims 10 s, 10,000 claims 80 s: far worse than linear), so at
// 100,000 claims it would run for hours. There the data is loaded with plain bulkPut calls (what the import writes)
// and the queries run at full scale; the import is timed at small sizes to show how it grows.
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser } from '../scripts/lib/browsers';
import { importOnly, storageWorkload, type StorageFigures } from './_storage-workload';
import { loadavg } from 'node:os';

type BenchRow = { name: string; value: string; reference?: string };

const PAGES = 10_000;
const CLAIMS = 100_000;

async function inChromium(loadWith: StorageFigures['loadedWith'] = 'importEntries'): Promise<StorageFigures> {
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      async ([pages, claims, url, how]) => {
        const mod = (await import(url)) as { storageWorkload: typeof storageWorkload };
        return mod.storageWorkload(pages, claims, how);
      },
      [PAGES, CLAIMS, '/workload.js', loadWith] as const,
    );
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en')} ms`;

/** fake-indexeddb import sizes (claims; pages are a tenth): small enough to finish, large enough to show growth. */
const NODE_IMPORT_SIZES = [1_000, 4_000];

export { inChromium };

export default async function storageBench(): Promise<BenchRow[]> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const node = await storageWorkload(PAGES, CLAIMS, 'bulkPut');
  const nodeImports: Array<[number, number]> = [];
  for (const claims of NODE_IMPORT_SIZES) nodeImports.push([claims, await importOnly(claims / 10, claims)]);
  const browser = await inChromium();
  const loadAfter = loadavg()[0]!.toFixed(2);
  const scale = `${CLAIMS.toLocaleString('en')} claims / ${PAGES.toLocaleString('en')} pages`;
  const row = (name: string, pick: (f: StorageFigures) => string): BenchRow => ({
    name: `storage (${scale}): ${name}`,
    value: `${pick(browser)} Chromium IndexedDB`,
    reference: `${pick(node)} fake-indexeddb`,
  });
  return [
    {
      name: `storage (${scale}): full import (importEntries, one transaction)`,
      value: `${ms(browser.importMs)} Chromium IndexedDB`,
      reference:
        `fake-indexeddb: not run at this size (hours); importEntries ` +
        nodeImports.map(([claims, t]) => `${claims.toLocaleString('en')} claims ${ms(t)}`).join(', ') +
        `; plain bulkPut of all ${scale} ${ms(node.importMs)}; one run each, load ${loadBefore} → ${loadAfter} on 2 cores`,
    },
    row('claims of one page', (f) => ms(f.pageQueryMs)),
    row('all unsourced claims', (f) => `${ms(f.unsourcedMs)} (${f.unsourcedCount.toLocaleString('en')})`),
    row('text search, quotes and notes', (f) => `${ms(f.searchMs)} (${f.searchHits.toLocaleString('en')} hits)`),
    row('full backup to JSON', (f) => `${ms(f.backupMs)} (${(f.backupBytes / 1e6).toFixed(1)} MB)`),
  ];
}
