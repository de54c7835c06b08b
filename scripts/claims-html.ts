/**
 * `npm run claims -- --html PAGE.html`: the claims the content script would highlight on a saved page, one per line as
 * `score<TAB>cues<TAB>text`, with default settings. Same finder as the content script (article body, sentences, the
 * encoder's scores, the page-level choice); the page is parsed by happy-dom with scripts, network
 * and subresources off, so a saved page can neither run nor phone home.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { PageClaims } from '../lib/claims/find-claims';
import { highlightedClaims } from './lib/node-finder';

export interface SavedPage {
  document: Document;
  close(): Promise<void>;
}

/** Parses page HTML into a live document without running or fetching anything. */
export function parseSavedPage(html: string, url = 'https://example.invalid/'): SavedPage {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

/** One output line per claim: score with 3 decimals, cues comma-separated, text on one line. */
export function formatClaims(result: PageClaims): string[] {
  return result.claims.map(
    (claim) => `${claim.score.toFixed(3)}\t${claim.cues.join(',')}\t${claim.text.replace(/\s+/g, ' ').trim()}`,
  );
}

export async function runHtml(path: string): Promise<void> {
  let html: string;
  try {
    html = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    process.stderr.write(`claims: cannot read the page ${path}: ${reason}\n`);
    process.exitCode = 1;
    return;
  }
  const page = parseSavedPage(html, pathToFileURL(resolve(path)).href);
  try {
    // No style check, unlike the content script: with scripts off, anti-flicker rules (`body { visibility: hidden }`
    // until a script reveals the page) would hide whole saved pages, and linked stylesheets are not loaded anyway.
    const result = await highlightedClaims(page.document);
    const lines = formatClaims(result);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    if (!result.roots.length) process.stderr.write(`claims: no article body found in ${path}\n`);
  } finally {
    await page.close();
  }
}
