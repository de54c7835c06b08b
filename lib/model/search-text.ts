/** Folds case and accents so "etude" finds "Étude". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a search query; an empty list for a blank one. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** Whether a claim's quote or note holds every word of the query (words as folded by queryWords). */
export function matchesWords(claim: { exact: string; note: string }, words: readonly string[]): boolean {
  const haystack = foldForSearch(`${claim.exact}\n${claim.note}`);
  return words.every((w) => haystack.includes(w));
}
