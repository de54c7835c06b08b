// Claim finder throughput (issue 3): sentences scored per second by `scoreSentence`, in Node, over the dev split of
// the check-worthiness corpus and over the sentences of the longest article body in the page corpus. Wall-clock and
// CPU-time rates are both reported (the machine is shared; CPU time is the steadier of the two).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { MIN_WORDS, wordCount } from '../lib/claims/find-claims';
import { scoreSentence } from '../lib/claims/score';
import { splitSentences } from '../lib/claims/sentences';
import { CORPUS_PAGES_DIR, corpusPath } from '../scripts/lib/paths.ts';
import { readSentences } from '../scripts/lib/tsv.ts';
import type { BenchRow } from './run.ts';

const DEV_TSV = corpusPath('checkworthy', 'CT24_checkworthy_english_dev.tsv');
/** Measured passes over each set, after one warm-up pass (JIT, regex compilation); the median is reported. */
const PASSES = 7;
/** Each pass scores at least this many sentences, repeating the set, so a pass lasts long enough to time. */
const MIN_PER_PASS = 3000;

interface Rate {
  sentences: number;
  wallPerS: number;
  cpuPerS: number;
  usPerSentence: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let sink = 0; // keeps the scores alive so nothing is optimised away

function measure(sentences: string[]): Rate {
  const repeats = Math.max(1, Math.ceil(MIN_PER_PASS / sentences.length));
  const perPass = repeats * sentences.length;
  const pass = () => {
    for (let r = 0; r < repeats; r++) for (const s of sentences) sink += scoreSentence(s).score;
  };
  pass(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    pass();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const wallMs = median(wall);
  const cpuMs = median(cpu);
  return {
    sentences: sentences.length,
    wallPerS: perPass / (wallMs / 1000),
    cpuPerS: perPass / (cpuMs / 1000),
    usPerSentence: (cpuMs * 1000) / perPass,
  };
}

function devSentences(): string[] {
  if (!existsSync(DEV_TSV)) throw new Error(`${DEV_TSV} is missing`);
  return readSentences(readFileSync(DEV_TSV, 'utf8')).rows.map((row) => row.text);
}

/** The sentences the finder would consider in the longest expected article body of the page corpus. */
function longestArticle(): { name: string; sentences: string[] } {
  let best: { name: string; sentences: string[] } | null = null;
  for (const name of readdirSync(CORPUS_PAGES_DIR).sort()) {
    const file = join(CORPUS_PAGES_DIR, name, 'expected.html');
    if (!existsSync(file)) continue;
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
    window.document.write(readFileSync(file, 'utf8'));
    // Block elements end a line, as the content script's text index does, so headings stay sentences of their own.
    for (const el of window.document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, div')) {
      el.append(window.document.createTextNode('\n'));
    }
    const text = window.document.body.textContent ?? '';
    const lang = window.document.documentElement.getAttribute('lang') ?? 'en';
    void window.happyDOM.close();
    if (lang && !lang.toLowerCase().startsWith('en')) continue;
    const sentences = splitSentences(text, 'en')
      .map((s) => s.text.replace(/\s+/g, ' ').trim())
      .filter((s) => wordCount(s) >= MIN_WORDS);
    if (!best || sentences.length > best.sentences.length) best = { name, sentences };
  }
  if (!best) throw new Error(`no expected.html under ${CORPUS_PAGES_DIR}`);
  return best;
}

const int = (n: number) => Math.round(n).toLocaleString('en');

function rows(label: string, rate: Rate): BenchRow {
  return {
    name: `claim scoring: ${label}`,
    value: `${int(rate.cpuPerS)} sentences/s CPU`,
    reference: `${int(rate.wallPerS)}/s wall, ${rate.usPerSentence.toFixed(1)} µs CPU each; ${rate.sentences} sentences, median of ${PASSES} passes, Node ${process.version}`,
  };
}

export default async function claimsBench(): Promise<BenchRow[]> {
  const dev = devSentences();
  const article = longestArticle();
  const result = [
    rows('CT24 dev TSV', measure(dev)),
    rows(`${article.name} article sentences`, measure(article.sentences)),
  ];
  if (sink === -1) console.log(sink);
  return result;
}
