/**
 * Which of a page's scored sentences to highlight. A fact-checker turns a tool off when it highlights most of an
 * article, so the choice is made within the page as well as by absolute score: the strongest sentences first, no more
 * than a share of the page, and none below a floor however short the page. The figures per sensitivity are chosen on
 * held-out scores of the labelled news pages (training/oof-news.tsv; see README "How claims are found").
 */
import type { Sensitivity } from '../model';

export interface SelectionPolicy {
  /** At most this share of the page's candidate sentences is highlighted (rounded up). */
  share: number;
  /** No sentence scoring below this is highlighted. */
  floor: number;
  /** Sentences scoring at least this are highlighted even past the share (a page dense with figures stays covered). */
  sure: number;
}

/**
 * Chosen on the held-out encoder scores of the 16 labelled news pages (726 candidate sentences, 36% check-worthy;
 * `npm run claims:eval -- --news` prints the figures per page), with the cue nudge of `withCueNudge`. Balanced: at
 * most 60% of a page and nothing under 0.55 (precision 0.70, recall 0.66, 34% of sentences highlighted); the cap
 * matters on pages the model over-reads (dense summaries), the floor on pages with little to check (a tutorial).
 * A share of 0.3 with a floor of 0.5 (the first guess) gave 0.68 / 0.50 / 26%. `sure` is left out (above 1): every
 * setting tried with it read the same or worse.
 */
export const SELECTION: Record<Sensitivity, SelectionPolicy> = {
  fewer: { share: 0.4, floor: 0.7, sure: 2 },
  balanced: { share: 0.6, floor: 0.55, sure: 2 },
  more: { share: 0.75, floor: 0.4, sure: 2 },
};

/**
 * The encoder's probability, nudged by the reasons a reader sees: any cue +0.05, a quotation with its speaker +0.1 more.
 * On the held-out pages the cue nudge raised F1 at the first settings tried (0.621 to 0.637 at top 40%, floor 0.5);
 * the quotation nudge costs 0.007 precision at the balanced setting and is kept because quoted statements are what
 * the product promises to surface ("They trained illegally using Twitter data", Musk said).
 */
export function withCueNudge(score: number, cues: readonly string[]): number {
  const quoted = cues.includes('quote') && cues.includes('attribution');
  return Math.min(1, score + (cues.length ? 0.05 : 0) + (quoted ? 0.1 : 0));
}

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
