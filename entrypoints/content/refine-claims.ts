/**
 * The finder's second look at a page, through the extension: Readability's article body (parsed by an extension page
 * from the serialised page, since it blocks a page for up to 120 ms) and the sentence encoder's scores (the model lives
 * in the offscreen document or the background page). Either may be missing (a page that is not an article, a build
 * without the model, a background that failed): then the fast pass's body or scores stand.
 */
import type { TextIndex } from '@/lib/anchoring/text-index';
import { findClaimsInBlocks, type LocatedClaim, type PageClaims } from '@/lib/claims/find-claims';
import { encoderInputs } from '@/lib/claims/encoder-inputs';
import { backgroundMessenger, MAX_ARTICLE_HTML } from '@/lib/messaging/protocol';

/** Sentences per `claims:score` request, well under the message's bound of MAX_SCORE_TEXTS. */
const SCORE_CHUNK = 100;

/** Readability's blocks for this page, or null when it is not an article (or cannot be asked). */
export async function articleBlocks(): Promise<string[] | null> {
  const html = document.documentElement.outerHTML;
  if (html.length > MAX_ARTICLE_HTML) return null;
  try {
    return (await backgroundMessenger.sendMessage('article:blocks', { html, url: location.href })).blocks;
  } catch (error) {
    console.warn('Claimlens: could not read the article body', error);
    return null;
  }
}

/**
 * The candidates of the body Readability found, when its blocks still map onto the page (`bodyIndex`: the body's
 * current text index, with CSS-hidden text left out). Sentences the quick pass already scored (most of them, usually)
 * keep that score and cues instead of being scored again in this task.
 */
export function candidatesInBlocks(blocks: string[], quick: PageClaims, bodyIndex: TextIndex): PageClaims | null {
  const known = new Map(quick.claims.map((claim) => [claim.text, { score: claim.score, cues: claim.cues }]));
  const options = { checkStyle: true, lang: quick.lang, threshold: 0, known, bodyIndex };
  const found = findClaimsInBlocks(document, blocks, options);
  return found && found.claims.length ? found : null;
}

/**
 * The encoder's score per candidate, null where it does not read the sentence (not English); null altogether when it
 * cannot be reached, so the caller keeps the fast scores.
 */
export async function encoderScores(
  claims: readonly LocatedClaim[],
  lang: string,
): Promise<Array<number | null> | null> {
  const inputs = encoderInputs(claims, lang);
  if (!inputs.texts.length) return null;
  const scores: number[] = [];
  try {
    for (let i = 0; i < inputs.texts.length; i += SCORE_CHUNK) {
      const answer = await backgroundMessenger.sendMessage('claims:score', {
        texts: inputs.texts.slice(i, i + SCORE_CHUNK),
      });
      for (const score of answer.scores) scores.push(score);
    }
  } catch (error) {
    console.warn('Claimlens: the check-worthiness model is unavailable; keeping the quick scores', error);
    return null;
  }
  return inputs.place(scores);
}
