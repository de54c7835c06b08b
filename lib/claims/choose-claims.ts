/**
 * The last step of the finder, shared by the content script, the command line and the evaluation: give each candidate
 * its final score (the sentence encoder's, where it read the sentence) and keep the ones the page-level policy picks.
 */
import type { Sensitivity } from '../model';
import { SELECTION, selectForPage, withCueNudge } from './page-selection';
import type { FoundClaim } from './types';

/**
 * `candidates` in page order with their fast scores; `refined[i]`, when given and not null, replaces candidate i's
 * score, nudged by its cues (the encoder reads English only: other sentences keep the language-neutral score). Returns the chosen
 * candidates, in page order, each carrying the score it was chosen by.
 */
export function chooseClaims<T extends FoundClaim>(
  candidates: readonly T[],
  sensitivity: Sensitivity,
  refined?: ReadonlyArray<number | null>,
): T[] {
  const scored = candidates.map((candidate, i) => {
    const score = refined?.[i];
    return score === undefined || score === null
      ? candidate
      : { ...candidate, score: withCueNudge(score, candidate.cues) };
  });
  const chosen = selectForPage(
    scored.map((c) => c.score),
    SELECTION[sensitivity],
  );
  return scored.filter((_, i) => chosen[i]);
}
