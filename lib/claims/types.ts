/**
 * Why a sentence looks check-worthy, in the reader's words. Shown next to each highlight.
 * `vague-attribution` marks claims that rest on unnamed sources ("reports indicate", "critics say").
 */
export type Cue = 'quote' | 'figure' | 'attribution' | 'vague-attribution' | 'comparison' | 'causal';

export const CUE_LABELS: Record<Cue, string> = {
  quote: 'quote',
  figure: 'figure',
  attribution: 'attribution',
  'vague-attribution': 'vague attribution',
  comparison: 'comparison',
  causal: 'cause and effect',
};

/** Shown when the model alone found a claim: every highlight gives the reader at least one reason. */
export const MODEL_REASON = 'check-worthy wording';

/** The reasons shown for a claim: its cues, or MODEL_REASON for a found claim without any (none for the reader's own). */
export function reasonsOf(claim: { cues?: readonly Cue[]; origin: 'auto' | 'manual' }): string[] {
  if (claim.cues?.length) return claim.cues.map((cue) => CUE_LABELS[cue]);
  return claim.origin === 'auto' ? [MODEL_REASON] : [];
}

export interface SentenceScore {
  /** Check-worthiness in [0, 1]. */
  score: number;
  cues: Cue[];
}

/** A sentence of the page text, by offsets into the text of the root it was found in. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export interface FoundClaim extends Sentence, SentenceScore {}
