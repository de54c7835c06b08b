/**
 * How the check-worthiness corpus is split. Sentence ids grow with the date of the debate, and the sentences the
 * model meets later come from newer debates, so validation is done on the newest ids rather than on a random slice
 * (the official dev split shares its debates with train and flatters any model that memorises them).
 */
export interface Example {
  id: number;
  text: string;
  label: boolean;
}

/** Train ids from here up form the held-back newest slice: never trained on, reported by `npm run claims:eval`. */
export const NEWEST_FROM = 32000;
/** Train ids in [TUNE_FROM, NEWEST_FROM) choose the threshold, on a model that has not seen them. */
export const TUNE_FROM = 28500;

export const TRAIN_FILE = 'CT24_checkworthy_english_train.tsv';
export const DEV_FILE = 'CT24_checkworthy_english_dev.tsv';

export function splitTrain(train: Example[]): { fit: Example[]; tune: Example[]; newest: Example[] } {
  return {
    fit: train.filter((example) => example.id < TUNE_FROM),
    tune: train.filter((example) => example.id >= TUNE_FROM && example.id < NEWEST_FROM),
    newest: train.filter((example) => example.id >= NEWEST_FROM),
  };
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  count: number;
}

/** Precision, recall and F1 of the `Yes` class. */
export function measure(scores: number[], labels: boolean[], threshold: number): Metrics {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  scores.forEach((score, index) => {
    if (score >= threshold) {
      if (labels[index]) truePositives += 1;
      else falsePositives += 1;
    } else if (labels[index]) falseNegatives += 1;
  });
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, count: scores.length };
}

/** The threshold with the best F1, searched on a 0.01 grid; ties go to the higher threshold (fewer highlights). */
export function bestThreshold(scores: number[], labels: boolean[]): number {
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 1; step < 100; step++) {
    const threshold = step / 100;
    const { f1 } = measure(scores, labels, threshold);
    if (f1 >= best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}
