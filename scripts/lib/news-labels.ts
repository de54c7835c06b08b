/**
 * The news check-worthiness labels of the corpus pages (../shared/corpus/news-checkworthy/labels.tsv) and the
 * matching of the finder's sentences to them. Labels were split from Readability's body with Intl.Segmenter, the
 * finder splits the live page with its own repairs, so a sentence is matched by its letters and digits, and a label
 * broken at an abbreviation (two rows) still matches the one sentence that holds both halves.
 */
import { readFileSync } from 'node:fs';
import { corpusPath } from './paths';

export const NEWS_LABELS = corpusPath('news-checkworthy', 'labels.tsv');

export interface NewsLabel {
  page: string;
  n: number;
  yes: boolean;
  vague: boolean;
  sentence: string;
  key: string;
}

/** Letters and digits only, lower case: quotes, dashes and spacing differ between the two splits. */
export const matchKey = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export function readNewsLabels(path = NEWS_LABELS): NewsLabel[] {
  const labels: NewsLabel[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/).slice(1)) {
    const [page, n, label, vague, ...rest] = line.split('\t');
    if (!page || !label) continue;
    const sentence = rest.join('\t');
    labels.push({ page, n: Number(n), yes: label === 'Yes', vague: vague === '1', sentence, key: matchKey(sentence) });
  }
  return labels;
}

/** Keys shorter than this match only exactly: "He said no." is inside too many sentences. */
const MIN_CONTAINED = 25;

/** The labels a finder sentence stands for: the same text, or one holding the other (a split at "U.S."). */
export function labelsOf(sentence: string, labels: readonly NewsLabel[]): NewsLabel[] {
  const key = matchKey(sentence);
  if (!key) return [];
  const exact = labels.filter((label) => label.key === key);
  if (exact.length) return exact;
  return labels.filter(
    (label) =>
      (label.key.length >= MIN_CONTAINED && key.includes(label.key)) ||
      (key.length >= MIN_CONTAINED && label.key.includes(key)),
  );
}
