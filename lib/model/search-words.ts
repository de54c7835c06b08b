// The words the Library search indexes and matches: pure, shared by the index (storage/search-index.ts), the search
// (storage/search.ts) and the check of each hit against the claim as stored.
import { foldForSearch } from './search-text';

// Scripts written without spaces between words: each character counts as a word of its own, so a query still finds
// text inside a run of them (every character must be there; their order is not checked).
const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}`;
const WORD = new RegExp(String.raw`[${UNSPACED}]|[[\p{L}\p{N}]--[${UNSPACED}]]+`, 'gv');
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_BREAKS = /[^a-z0-9]+/;

/**
 * Calls `visit` with each folded word of a text, repeats included (case and accents folded as `foldForSearch` does;
 * letters and digits, split at everything else, so "3.9%" is "3" and "9", "Twitter's" is "twitter" and "s").
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  // Most quotes and notes are plain ASCII: no normalisation and no Unicode pattern needed, with the same words.
  const words = ASCII.test(text) ? text.toLowerCase().split(ASCII_BREAKS) : (foldForSearch(text).match(WORD) ?? []);
  for (const word of words) if (word) visit(word);
}

/** The distinct folded words of a text. */
export function wordsOf(text: string): string[] {
  const distinct = new Set<string>();
  forEachWord(text, (word) => distinct.add(word));
  return [...distinct];
}

/** What the Library search looks in. */
export const claimText = (claim: { exact: string; note: string }): string => `${claim.exact}\n${claim.note}`;

export const claimWords = (claim: { exact: string; note: string }): string[] => wordsOf(claimText(claim));

/** The words of a query; at most 16 (a pasted paragraph narrows nothing more after that). */
export const searchWords = (query: string): string[] => wordsOf(query).slice(0, MAX_QUERY_WORDS);

export const MAX_QUERY_WORDS = 16;

/** Word-prefix matching: every query word begins some word of the claim ("unemp" finds "Unemployment"). */
export function hasEveryPrefix(words: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => words.some((w) => w.startsWith(q)));
}
