/**
 * Which of a page's scored sentences to highlight. A fact-checker turns a tool off when it highlights most of an
 * article, so the choice is made within the page as well as by absolute score: the strongest sentences first, no more
 * than a share of the page, and none below a floor however short the page. The figures per sensitivity are chosen on
 * out-of-fold scores of the labelled news pages (training/oof-news.tsv; see README "How claims are found").
 */
import type { Sensitivity } from '../../storage/types';

export interface SelectionPolicy {
  /** At most this share of the page's candidate sentences is highlighted (rounded up). */
  share: number;
  /** No sentence scoring below this is highlighted. */
  floor: number;
  /** Sentences scoring at least this are highlighted even past the share (a page dense with figures stays covered). */
  sure: number;
}

export const SELECTION: Record<Sensitivity, SelectionPolicy> = {
  fewer: { share: 0.2, floor: 0.6, sure: 0.97 },
  balanced: { share: 0.3, floor: 0.45, sure: 0.95 },
  more: { share: 0.45, floor: 0.3, sure: 0.9 },
};

/**
 * Whether each sentence is highlighted, in input order. Ties in score keep page order, so the same page always gives
 * the same choice.
 */
export function selectForPage(scores: readonly number[], policy: SelectionPolicy): boolean[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const room = Math.ceil(policy.share * scores.length);
  const chosen = new Array<boolean>(scores.length).fill(false);
  for (let rank = 0; rank < order.length; rank++) {
    const i = order[rank]!;
    const score = scores[i]!;
    if (score < policy.floor) break;
    if (rank >= room && score < policy.sure) break;
    chosen[i] = true;
  }
  return chosen;
}
