// In-page replica of the content script's first pass, timed step by step (bundled by bench/browser.ts and run in the
// page's main world): which step makes the long tasks. Same library calls, same options as `annotator.ts`.
import { describeRange } from '../lib/anchoring/describe';
import { buildTextIndex } from '../lib/anchoring/text-index';
import { findArticleRoots, findJunk } from '../lib/claims/article-body';
import { MIN_WORDS, wordCount } from '../lib/claims/find-claims';
import { findClaims } from '../lib/claims/find-page-claims';
import { scoreSentence } from '../lib/claims/score';
import { splitSentences } from '../lib/claims/sentences';

export interface PhaseTimes {
  /** `findArticleRoots`: one synchronous call before the finder's first yield. */
  roots: number;
  /** Per root, text index + junk + sentence split: one task each in `findClaimsIncrementally`; the largest. */
  rootSentences: number;
  /** Scoring every candidate (the product slices this in chunks of 50 or 20 ms). */
  scoring: number;
  candidates: number;
  /** `buildTextIndex(document.body, { checkStyle: true })` after the finder: the product builds it in slices. */
  bodyIndex: number;
  /** `describeRange` of every suggestion: synchronous, a task of its own after the body index. */
  describe: number;
  claims: number;
}

export function timePhases(): PhaseTimes {
  const t = () => performance.now();
  let start = t();
  const roots = findArticleRoots(document);
  const rootsMs = t() - start;
  let rootSentences = 0;
  const texts: string[] = [];
  for (const root of roots) {
    start = t();
    const index = buildTextIndex(root, { checkStyle: true });
    findJunk(root);
    const sentences = splitSentences(index.text, 'en').filter((s) => wordCount(s.text) >= MIN_WORDS);
    rootSentences = Math.max(rootSentences, t() - start);
    texts.push(...sentences.map((s) => s.text.replace(/\s+/g, ' ')));
  }
  start = t();
  for (const text of texts) scoreSentence(text, { lang: 'en' });
  const scoring = t() - start;
  const found = findClaims(document, { checkStyle: true });
  start = t();
  const index = buildTextIndex(document.body, { checkStyle: true });
  const bodyIndex = t() - start;
  start = t();
  for (const claim of found.claims) describeRange(document.body, claim.range, { checkStyle: true, index });
  const describe = t() - start;
  return {
    roots: rootsMs,
    rootSentences,
    scoring,
    candidates: texts.length,
    bodyIndex,
    describe,
    claims: found.claims.length,
  };
}
