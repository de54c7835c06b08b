/**
 * The finder measured on the labelled news pages, as a reader meets it: the whole pipeline (article body, sentences,
 * furniture out, scores, page-level choice) on each saved page, compared with the labels of `labels.tsv`.
 *
 * Held out: the shipped encoder was trained on these pages, so its own scores would flatter it. `npm run claims:train`
 * stores, for every labelled sentence, the score of a model trained the same way without any of the labelled pages
 * (`training/oof-news.tsv`); the evaluation uses those, and the shipped model only for sentences nobody labelled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseClaims } from '../../lib/claims/choose-claims';
import { findClaims } from '../../lib/claims/find-page-claims';
import type { Sensitivity } from '../../lib/model';
import { parseSavedPage } from '../claims-html';
import { labelsOf, matchKey, readNewsLabels, type NewsLabel } from './news-labels';
import { CORPUS_PAGES_DIR } from './paths';

export type ScoreTexts = (texts: string[]) => Promise<Array<number | null>>;

export interface PageFigures {
  page: string;
  sentences: number;
  highlighted: number;
  truePositives: number;
  /** Highlights matched to `No` labels only. */
  falsePositives: number;
  /** Highlights that match no labelled sentence: outside Readability's body, or a fragment. */
  outside: number;
  yes: number;
  found: number;
  /** `Yes` sentences with an unnamed source, and how many of them carry the vague-attribution cue. */
  vagueYes: number;
  vagueCued: number;
}

/** Reads `page<TAB>n<TAB>label<TAB>vague<TAB>score<TAB>sentence` rows into scores by page and sentence key. */
export function readHeldOutScores(path: string): Map<string, number> {
  const scores = new Map<string, number>();
  if (!existsSync(path)) return scores;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/).slice(1)) {
    const [page, , , , score, ...rest] = line.split('\t');
    if (!page || score === undefined) continue;
    scores.set(`${page}\t${matchKey(rest.join('\t'))}`, Number(score));
  }
  return scores;
}

export async function evaluatePage(
  page: string,
  labels: NewsLabel[],
  score: ScoreTexts,
  sensitivity: Sensitivity,
  heldOut?: Map<string, number>,
): Promise<PageFigures> {
  const html = readFileSync(resolve(CORPUS_PAGES_DIR, page, 'source.html'), 'utf8');
  const saved = parseSavedPage(html);
  try {
    const candidates = findClaims(saved.document, { threshold: 0 }).claims;
    const matches = candidates.map((c) => labelsOf(c.text, labels));
    const shipped = await score(candidates.map((c) => c.text));
    const refined = candidates.map((_, i) => {
      const held = matches[i]!.map((label) => heldOut?.get(`${page}\t${label.key}`)).filter((s) => s !== undefined);
      return held.length ? Math.max(...held) : (shipped[i] ?? null);
    });
    // Chosen claims are copies carrying their final score: know them by their range.
    const chosen = new Set(chooseClaims(candidates, sensitivity, refined).map((claim) => claim.range));
    const figures: PageFigures = {
      page,
      sentences: candidates.length,
      highlighted: chosen.size,
      truePositives: 0,
      falsePositives: 0,
      outside: 0,
      yes: labels.filter((l) => l.yes).length,
      found: 0,
      vagueYes: 0,
      vagueCued: 0,
    };
    const foundYes = new Set<NewsLabel>();
    const vagueSeen = new Set<NewsLabel>();
    candidates.forEach((candidate, i) => {
      const matched = matches[i]!;
      for (const label of matched) {
        if (!label.yes || !label.vague || vagueSeen.has(label)) continue;
        vagueSeen.add(label);
        figures.vagueYes += 1;
        if (candidate.cues.includes('vague-attribution')) figures.vagueCued += 1;
      }
      if (!chosen.has(candidate.range)) return;
      if (!matched.length) figures.outside += 1;
      else if (matched.some((l) => l.yes)) figures.truePositives += 1;
      else figures.falsePositives += 1;
      for (const label of matched) if (label.yes) foundYes.add(label);
    });
    // Vaguely sourced Yes sentences the finder never considered count as uncued.
    figures.vagueYes += labels.filter((l) => l.yes && l.vague && !vagueSeen.has(l)).length;
    figures.found = foundYes.size;
    return figures;
  } finally {
    await saved.close();
  }
}

export async function evaluateNews(score: ScoreTexts, sensitivity: Sensitivity, heldOut?: Map<string, number>) {
  const labels = readNewsLabels();
  const pages = [...new Set(labels.map((l) => l.page))].sort();
  const results: PageFigures[] = [];
  for (const page of pages)
    results.push(
      await evaluatePage(
        page,
        labels.filter((l) => l.page === page),
        score,
        sensitivity,
        heldOut,
      ),
    );
  return results;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

export function summarise(rows: PageFigures[]) {
  const sum = (key: keyof Omit<PageFigures, 'page'>) => rows.reduce((total, row) => total + row[key], 0);
  const highlighted = sum('highlighted');
  const precision = ratio(sum('truePositives'), highlighted);
  const recall = ratio(sum('found'), sum('yes'));
  return {
    sentences: sum('sentences'),
    highlighted,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    share: ratio(highlighted, sum('sentences')),
    outside: sum('outside'),
    vague: ratio(sum('vagueCued'), sum('vagueYes')),
  };
}

export function formatNews(rows: PageFigures[]): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const lines = ['page            sentences  highlighted  share    P      R      F1    outside'];
  for (const row of rows) {
    const p = ratio(row.truePositives, row.highlighted);
    const r = ratio(row.found, row.yes);
    lines.push(
      `${row.page.padEnd(16)}${String(row.sentences).padStart(9)}${String(row.highlighted).padStart(13)}` +
        `${pct(ratio(row.highlighted, row.sentences)).padStart(7)}  ${p.toFixed(2)}  ${r.toFixed(2)}  ` +
        `${ratio(2 * p * r, p + r).toFixed(2)}${String(row.outside).padStart(9)}`,
    );
  }
  const all = summarise(rows);
  lines.push(
    `${'all'.padEnd(16)}${String(all.sentences).padStart(9)}${String(all.highlighted).padStart(13)}` +
      `${pct(all.share).padStart(7)}  ${all.precision.toFixed(2)}  ${all.recall.toFixed(2)}  ${all.f1.toFixed(2)}` +
      `${String(all.outside).padStart(9)}`,
    `vague-attribution cue on ${pct(all.vague)} of vaguely sourced check-worthy sentences`,
  );
  return lines;
}
