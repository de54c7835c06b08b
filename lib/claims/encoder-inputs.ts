/**
 * Which candidates the sentence encoder reads, and where its answers go back. It was trained on English news and
 * debates: other languages keep the language-neutral score. Shared by the content script and the command line, so
 * both ask the encoder the same questions.
 */
import { MAX_SCORE_TEXT_LENGTH } from '../messaging/protocol';
import { isScoringLanguage } from './language';
import { looksNonEnglish } from './score';

export interface EncoderInputs {
  /** The texts to score, in candidate order, cut to the message's bound (the model reads 64 tokens anyway). */
  texts: string[];
  /** One score per candidate: the encoder's where it read the sentence, null elsewhere. */
  place(scores: readonly number[]): Array<number | null>;
}

export function encoderInputs(candidates: ReadonlyArray<{ text: string }>, lang: string): EncoderInputs {
  const read = candidates.map((c) => isScoringLanguage(lang) && !looksNonEnglish(c.text));
  return {
    texts: candidates.filter((_, i) => read[i]).map((c) => c.text.slice(0, MAX_SCORE_TEXT_LENGTH)),
    place(scores) {
      let next = 0;
      return read.map((isRead) => (isRead ? (scores[next++] ?? null) : null));
    },
  };
}
