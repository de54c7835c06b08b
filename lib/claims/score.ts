import type { Cue, SentenceScore } from './types';

/**
 * First rule of the foundation: a sentence is a claim when it quotes someone, states a figure or attributes a
 * statement. The trained model replaces the score; the cues stay as the reader-facing reasons.
 */
const CUE_PATTERNS: Array<[Cue, RegExp]> = [
  ['quote', /["“”«»][^"“”«»]{8,}["“”«»]/],
  ['figure', /(?:[$€£¥]\s?\d|\d[\d,.]*\s?(?:%|percent|per cent|million|billion|trillion)|\b\d{2,}(?:[.,]\d+)?\b)/i],
  ['vague-attribution', /\b(?:reports? (?:indicat|suggest|say|show)|critics (?:say|argue|claim)|it is (?:believed|said|reported|claimed)|sources? (?:say|said|claim)|some (?:say|argue|believe)|experts (?:say|believe|warn)|according to (?:reports|sources))/i],
  ['attribution', /\b(?:said|says|told|claims?|claimed|stated|according to|argued|alleged|announced|accused)\b/i],
];

export function detectCues(text: string): Cue[] {
  return CUE_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([cue]) => cue);
}

export const CLAIM_THRESHOLD = 0.5;

export function scoreSentence(text: string): SentenceScore {
  const cues = detectCues(text);
  return { score: cues.length ? Math.min(1, 0.5 + 0.2 * cues.length) : 0.1, cues };
}
