// Browser benchmarks: what the content script costs a page. Size of the built script (raw and gzipped); the time from
// its start at document_idle to the first highlighting pass as the extension times it (`passes` of `page:state`, asked
// from an extension page: the page itself sees no performance entry); and the main-thread tasks of that first pass (issue 3 asks for none over 50 ms),
// in real headless Chromium on the sample article and on yahoo-2 (a 1.6 MB front page, the large-page case).
//
// Long tasks: a `PerformanceObserver` for `longtask` is registered in the page's main world before anything runs
// (`addInitScript`). Chromium reports the isolated world's work (the content script) as the frame's tasks without
// attribution, so tasks are assigned to the first pass by time: every task overlapping the pass's interval. The
// first pass is timed from the script's `main`, so the task that contains its start is the content script's injection
// (compiling the bundle and running it up to `main`; the annotator's modules are evaluated in a later task, which counts
// among the finder slices, with `startAnnotator`); the one that contains its end is the synchronous tail of `find()`
// (describing each suggestion, anchoring the stored claims, painting); the others are the finder's slices between
// yields (`findClaimsIncrementally`) and the slices of the body's text index (`indexInSlices`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir, launchChromium } from '../scripts/lib/browsers.ts';
import { CORPUS_PAGES_DIR } from '../scripts/lib/paths.ts';
import { corpusPageExists, startServer } from '../scripts/lib/serve.ts';
import { loadNote, median, ms, openArticleTab, snapshotExtension, waitForPasses } from './_chromium.ts';
import type { BenchRow } from './run.ts';
import type { PhaseTimes } from './_phases.ts';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const LOADS = 5;
const LONG_TASK_MS = 50;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function contentScriptRows(): BenchRow[] {
  const file = join(extensionDir('chromium'), 'content-scripts', 'content.js');
  const code = readFileSync(file);
  return [
    { name: 'content script size (raw)', value: kB(code.length), reference: 'a minimal content script ≈ 4 kB' },
    {
      name: 'content script size (gzip)',
      value: kB(gzipSync(code, { level: 9 }).length),
      reference: 'issue 3: < 80 kB',
    },
  ];
}

// Strings, not functions: evaluated verbatim in the page (tsx would otherwise add helpers the page lacks).
const OBSERVE_LONG_TASKS = `(() => {
  const tasks = [];
  globalThis.__claimlensBenchLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/** The page's load event, from navigation start (the pass times are on the same clock). */
const READ_LOAD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return nav ? nav.loadEventEnd - nav.startTime : null;
})()`;

const READ_LONG_TASKS = `globalThis.__claimlensBenchLongTasks ?? null`;

type Phase = 'injection' | 'finder slices' | 'final synchronous pass';
interface Task {
  start: number;
  duration: number;
}
interface Load {
  duration: number;
  refined: number;
  /** Long tasks between the quick pass and the refined one (mapping blocks, repainting). */
  refineTasks: Task[];
  load: number | null;
  tasks: Array<Task & { phase: Phase }>;
}

/** The long tasks that overlap the first pass, each with the phase it belongs to (see the header comment). */
function firstPassTasks(tasks: Task[], start: number, end: number): Load['tasks'] {
  // Long-task times are rounded to whole milliseconds; a millisecond of slack keeps boundary tasks in.
  const slack = 1;
  return tasks
    .filter((t) => t.start < end + slack && t.start + t.duration > start - slack)
    .map((t) => ({
      ...t,
      phase:
        t.start <= start + slack && t.start + t.duration >= start - slack
          ? 'injection'
          : t.start <= end + slack && t.start + t.duration >= end - slack
            ? 'final synchronous pass'
            : 'finder slices',
    }));
}

const PHASE_RUNS = 3;

/** bench/_phases.ts as one script for the page's main world (evaluated through the DevTools protocol: no CSP). */
async function phaseScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./_phases.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: '__claimlensBenchPhases',
    write: false,
    platform: 'browser',
    loader: { '.json': 'json' },
  });
  return `${bundle.outputFiles[0]!.text}\n__claimlensBenchPhases.timePhases()`;
}

function phaseRow(name: string, runs: PhaseTimes[]): BenchRow {
  const m = (pick: (p: PhaseTimes) => number) => Math.round(median(runs.map(pick)));
  return {
    name: `first-pass steps (in-page replica): ${name}`,
    value: `body index + describe ${m((p) => p.bodyIndex + p.describe)} ms`,
    reference:
      `median of ${runs.length}; article roots ${m((p) => p.roots)} ms; largest root's index+split ${m((p) => p.rootSentences)} ms; ` +
      `scoring ${m((p) => p.candidates)} sentences ${m((p) => p.scoring)} ms (sliced); body text index ${m((p) => p.bodyIndex)} ms ` +
      `(sliced) + describing ${m((p) => p.claims)} suggestions ${m((p) => p.describe)} ms (one task)`,
  };
}

async function highlightRows(): Promise<BenchRow[]> {
  if (!corpusPageExists('yahoo-2')) throw new Error(`${CORPUS_PAGES_DIR}/yahoo-2 is missing`);
  const snapshot = snapshotExtension();
  const server = await startServer();
  const session = await launchChromium({ extensionDir: snapshot.dir });
  try {
    await session.context.addInitScript(OBSERVE_LONG_TASKS);
    const phases = await phaseScript();
    const rows: BenchRow[] = [];
    const pages = [
      ['sample article', server.sampleUrl],
      ['aclu (~85 sentences)', server.corpusUrl('aclu')],
      ['yahoo-2 (1.6 MB)', server.corpusUrl('yahoo-2')],
    ] as const;
    // The first load of each page is its first visit: the encoder scores every sentence (for the first page of the
    // session it also starts the model from nothing). Later loads find the sentences' scores remembered.
    const firstVisit: number[] = [];
    for (const [name, url] of pages) {
      const loads: Load[] = [];
      const before = await loadNote();
      // One warm-up load (compilation caches), then the measured ones, each in a fresh tab.
      for (let i = 0; i <= LOADS; i++) {
        const tab = await openArticleTab(session, url);
        const passes = await waitForPasses(tab);
        const load = (await tab.page.evaluate(READ_LOAD)) as number | null;
        const measure = { start: passes.started!, duration: passes.highlighted! - passes.started!, load };
        const refined = passes.refined! - passes.started!;
        // Observer callbacks are delivered asynchronously: give the last task of the pass time to be reported.
        await tab.page.waitForTimeout(300);
        const tasks = (await tab.page.evaluate(READ_LONG_TASKS)) as Task[] | null;
        await tab.close();
        if (tasks === null) throw new Error('The long-task observer did not run in the page (addInitScript)');
        if (i === 0) {
          firstVisit.push(refined);
          continue;
        }
        const quickEnd = measure.start + measure.duration;
        loads.push({
          duration: measure.duration,
          refined,
          refineTasks: tasks.filter((t) => t.start >= quickEnd && t.start < measure.start + refined),
          load: measure.load,
          tasks: firstPassTasks(tasks, measure.start, measure.start + measure.duration),
        });
      }
      const after = await loadNote();
      const loadTimes = loads.flatMap((l) => (l.load !== null && l.load > 0 ? [l.load] : []));
      const maxima = loads.map((l) => Math.max(0, ...l.tasks.map((t) => t.duration)));
      const over = loads.map((l) => l.tasks.filter((t) => t.duration > LONG_TASK_MS).length);
      // Where the longest task of each load falls, and the longest task seen per phase over all loads.
      const phaseOfMax = loads.map(
        (l) =>
          l.tasks.reduce<Load['tasks'][number] | null>((a, t) => (!a || t.duration > a.duration ? t : a), null)
            ?.phase ?? 'none',
      );
      const worstByPhase = new Map<string, number>();
      for (const t of loads.flatMap((l) => l.tasks))
        worstByPhase.set(t.phase, Math.max(worstByPhase.get(t.phase) ?? 0, t.duration));
      const counts = new Map<string, number>();
      for (const p of phaseOfMax) counts.set(p, (counts.get(p) ?? 0) + 1);
      rows.push(
        {
          name: `find and highlight: ${name}`,
          value: ms(median(loads.map((l) => l.duration))),
          reference: `document_idle → highlights, median of ${LOADS} loads, headless Chromium; page load event ${loadTimes.length ? ms(median(loadTimes)) : 'n/a'}; ${before} → ${after}`,
        },
        {
          name: `refined highlights (Readability body + encoder), first visit: ${name}`,
          value: ms(firstVisit.at(-1) ?? NaN),
          reference:
            `document_idle → refined pass${firstVisit.length === 1 ? ', cold: model started from nothing' : ', model warm'}; ` +
            `revisits (scores remembered) median of ${LOADS}: ${ms(median(loads.map((l) => l.refined)))}; issue 12: < 1.5 s for ~100 sentences; ` +
            `long tasks while refining: ${Math.max(0, ...loads.flatMap((l) => l.refineTasks.map((t) => Math.round(t.duration)))) || `none > ${LONG_TASK_MS}`} ms`,
        },
        {
          name: `longest main-thread task, first pass: ${name}`,
          // A load with no long task counts 0 ("< 50 ms"): the observer reports only tasks over 50 ms.
          value: `${median(maxima) > 0 ? ms(median(maxima)) : `< ${LONG_TASK_MS} ms`} (worst load ${Math.max(...maxima) > 0 ? ms(Math.max(...maxima)) : `< ${LONG_TASK_MS} ms`})`,
          reference:
            `issue 3: none > ${LONG_TASK_MS} ms; median of ${LOADS} loads; tasks > ${LONG_TASK_MS} ms per load: ${over.join(', ')}; ` +
            `longest in: ${[...counts].map(([p, n]) => `${p} ×${n}`).join(', ')}; worst per phase: ` +
            ([...worstByPhase].map(([p, d]) => `${p} ${Math.round(d)} ms`).join(', ') || 'none'),
        },
      );
      const runs: PhaseTimes[] = [];
      for (let i = 0; i < PHASE_RUNS; i++) {
        const tab = await openArticleTab(session, url);
        await waitForPasses(tab);
        runs.push((await tab.page.evaluate(phases)) as PhaseTimes);
        await tab.close();
      }
      rows.push(phaseRow(name, runs));
    }
    return rows;
  } finally {
    await session.close();
    await server.close();
    snapshot.remove();
  }
}

export default async function (): Promise<BenchRow[]> {
  return [...contentScriptRows(), ...(await highlightRows())];
}
