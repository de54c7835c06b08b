/**
 * Text comparison that forgives what a publisher changes without changing the words: line breaks versus spaces,
 * curly versus straight quotes, dash styles.
 *
 * `foldText` maps character for character, so an offset in folded text is the same offset in the index text: the
 * matcher searches folded text and hands back offsets the index can turn into a DOM range without translation.
 */

const FOLDS: Record<string, string> = {
  '\n': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Same length as `text`; every character maps to its folded form. */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, (ch) => FOLDS[ch]!);
}

/**
 * Folds a stored selector string. Selectors made by `describeRange` are already collapsed; this also accepts ones
 * made elsewhere (another tool, an older index) whose whitespace runs were kept.
 */
export function foldSelectorText(text: string): string {
  return foldText(text.replace(/[\s\u00a0]+/g, ' '));
}
