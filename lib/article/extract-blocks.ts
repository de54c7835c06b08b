/**
 * The article body as Mozilla Readability extracts it, as plain text blocks that can be sent between extension
 * contexts and mapped back onto the live page (`mapBlocksToLive`).
 *
 * Readability clones and rewrites the whole document: measured in Chromium on the corpus pages it takes 9–119 ms on
 * first run (clone + parse; 7 of 17 pages over 50 ms), more than a content script may block the page. So it runs where
 * blocking does not matter: in Node (CLI, tests) on a clone, or in an extension page (offscreen document, background
 * page) on the page's serialised HTML. The content script keeps its own fast heuristic (`findArticleRoots`) until
 * the blocks arrive.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { buildTextIndex } from '../anchoring/text-index';
import { MIN_BLOCK_CHARS } from './block-size';

export { MIN_BLOCK_CHARS };

/**
 * The text lines (one per paragraph, list item, heading, quote...) of the article Readability finds, whitespace
 * collapsed, in page order; null when the page is not probably readerable or Readability finds no article.
 *
 * A `Document` is cloned first (Readability rewrites what it reads); an HTML string is parsed with `DOMParser`, which
 * exists in extension pages and offscreen documents but not in a service worker.
 */
export function extractArticleBlocks(html: string | Document, url: string): string[] | null {
  const parsed = typeof html === 'string' ? parseHtml(html, url) : html;
  // The readerable check only reads, so it runs on the original; Readability itself gets a copy.
  if (!parsed?.body || !isProbablyReaderable(parsed)) return null;
  const doc = parsed === html ? (parsed.cloneNode(true) as Document) : parsed;
  let content: Element | null | undefined;
  try {
    content = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse()?.content;
  } catch {
    return null; // a page Readability cannot handle is left to the heuristic
  }
  if (!content) return null;
  const blocks: string[] = [];
  for (const line of buildTextIndex(content).text.split('\n')) {
    const text = line.trim();
    if (text.length >= MIN_BLOCK_CHARS) blocks.push(text);
  }
  return blocks.length ? blocks : null;
}

function parseHtml(html: string, url: string): Document | null {
  if (typeof DOMParser === 'undefined') return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links resolve against the page, not the extension page that parses it.
  if (!doc.querySelector('base[href]') && doc.head) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}
