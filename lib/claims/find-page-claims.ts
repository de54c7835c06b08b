/**
 * The finder on a whole document at once, where blocking does not matter (Node: `npm run claims`, the evaluation and
 * the corpus tests): Readability's article body where it finds one (mapped back onto this document), the in-page
 * heuristic elsewhere. The content script runs the same two steps apart: its quick pass on the heuristic body, then
 * the blocks an extension page extracted (`findClaimsInBlocks`).
 */
import { extractArticleBlocks } from '../article/extract-blocks';
import { findClaimsByHeuristic, findClaimsInBlocks, type FindClaimsOptions, type PageClaims } from './find-claims';

export function findClaims(doc: Document, options: FindClaimsOptions = {}): PageClaims {
  const blocks = extractArticleBlocks(doc, doc.URL);
  return (blocks && findClaimsInBlocks(doc, blocks, options)) || findClaimsByHeuristic(doc, options);
}
