/**
 * Export and backup at the scale of a busy reader: 10,000 claims over 500 pages. For each format: median time of
 * three runs, the heap's growth while it ran (a floor for its peak), the heap committed for it (close to the peak, as
 * V8 grows the heap to fit it) and the size of the output.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { toMarkdown as serialize } from 'mdast-util-to-markdown';
import { parseBackup, serializeBackup } from '../lib/backup';
import { samplePages } from '../lib/backup/sample-data';
import { SERIALIZE_OPTIONS, toMarkdownTree } from '../lib/export/markdown';
import { toClaimReviews, toMarkdown, toMarkdownWithProgress, toWebAnnotations } from '../lib/export';

type BenchRow = { name: string; value: string; reference?: string };

const PAGES = 500;
const CLAIMS = 10_000;
const RUNS = 3;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Measure {
  ms: number;
  /** CPU time (all threads, GC included): steadier than wall time when other work shares the machine. */
  cpuMs: number;
  heapGrowth: number;
  committed: number;
  outputBytes: number;
}

async function measure(run: () => unknown): Promise<Measure> {
  const times: number[] = [];
  const cpu: number[] = [];
  let first: Omit<Measure, 'ms' | 'cpuMs'> | undefined;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const committedBefore = getHeapStatistics().total_heap_size;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const output = await run();
    times.push(performance.now() - start);
    const cpuUsed = process.cpuUsage(cpuBefore);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    const heapAfter = process.memoryUsage().heapUsed;
    first ??= {
      heapGrowth: heapAfter - heapBefore,
      committed: getHeapStatistics().total_heap_size - committedBefore,
      outputBytes: typeof output === 'string' ? Buffer.byteLength(output) : 0,
    };
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { ms: median(times), cpuMs: median(cpu), ...first! };
}

const describe = (m: Measure) =>
  `${m.ms.toFixed(0)} ms (cpu ${m.cpuMs.toFixed(0)} ms), heap +${mb(m.heapGrowth)} (committed +${mb(m.committed)})` +
  (m.outputBytes ? `, ${mb(m.outputBytes)} out` : '');

export default async function benchExport(): Promise<BenchRow[]> {
  const pages = samplePages(PAGES, CLAIMS, 42);
  const exportedAt = new Date();
  const scale = `${CLAIMS.toLocaleString('en')} claims, ${PAGES} pages`;
  const backup = serializeBackup(pages, exportedAt);

  const markdown = await measure(() => toMarkdown(pages, { exportedAt }));
  // The serializer's own escaping on the whole tree at once: what the fast path and chunking are measured against.
  const plainSerializer = await measure(() =>
    serialize(toMarkdownTree(pages, { exportedAt }), { ...SERIALIZE_OPTIONS, handlers: {} }),
  );
  let progressCalls = 0;
  const panel = await measure(() => toMarkdownWithProgress(pages, { exportedAt, onProgress: () => progressCalls++ }));
  const annotations = await measure(() => JSON.stringify(toWebAnnotations(pages)));
  const reviews = await measure(() => JSON.stringify(toClaimReviews(pages)));
  const serialized = await measure(() => serializeBackup(pages, exportedAt));
  const parsed = await measure(() => {
    const result = parseBackup(backup);
    if (!result.ok) throw new Error(result.error);
    return result;
  });

  return [
    {
      name: `export Markdown (${scale})`,
      value: describe(markdown),
      reference: `mdast-util-to-markdown defaults, whole tree: ${describe(plainSerializer)}`,
    },
    {
      name: 'export Markdown for the panel (time-sliced, with progress)',
      value: describe(panel),
      reference: `${Math.round(progressCalls / RUNS)} progress updates per export`,
    },
    { name: 'export W3C Web Annotation JSON-LD', value: describe(annotations) },
    { name: 'export schema.org ClaimReview JSON-LD (judged claims)', value: describe(reviews) },
    { name: 'serializeBackup', value: describe(serialized) },
    {
      name: 'parseBackup (JSON + schema + checks)',
      value: describe(parsed),
      reference: `${mb(Buffer.byteLength(backup))} file`,
    },
  ];
}

// Run alone with `node --import tsx bench/export.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchExport()) {
    console.log(`${row.name}: ${row.value}${row.reference ? ` [${row.reference}]` : ''}`);
  }
}
