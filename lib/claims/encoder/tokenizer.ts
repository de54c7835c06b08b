/**
 * BERT WordPiece tokenizer (uncased), written to reproduce Hugging Face `tokenizers`' BertTokenizerFast exactly:
 * BertNormalizer (clean text, pad CJK ideographs, strip accents, lowercase), BertPreTokenizer (split on whitespace,
 * isolate punctuation), greedy longest-match-first WordPiece with `##` continuations, then `[CLS] … [SEP]`, truncated
 * to `maxLength` tokens including the two specials. Pure: no DOM, no Node, no I/O.
 */

export interface TokenizerOptions {
  /** Tokens per sentence including [CLS] and [SEP]. */
  maxLength: number;
  lowercase?: boolean;
  /** Defaults to `lowercase`, as in BertNormalizer with `strip_accents: null`. */
  stripAccents?: boolean;
  /** Words longer than this (in code points) become [UNK]. */
  maxInputCharsPerWord?: number;
}

export interface WordPieceTokenizer {
  /** Token ids of one sentence: [CLS] pieces… [SEP], at most `maxLength`. */
  encode(text: string): number[];
  /** The same as token strings (for tests and debugging). */
  tokenize(text: string): string[];
  readonly vocabSize: number;
}

const CONTROL = /\p{C}/u;
const SPACE_SEPARATOR = /\p{Zs}/u;
const NONSPACING_MARK = /\p{Mn}/gu;
const PUNCTUATION = /\p{P}/u;
const WHITESPACE = /\s/u;
/** With a capturing group, so that `split` keeps the tokens at odd indexes. */
const SPECIAL_TOKENS = /(\[(?:PAD|UNK|CLS|SEP|MASK)\])/;

/** CJK Unified Ideographs and their extensions, as in BERT's `_is_chinese_char`. Not Hangul, kana or full-width Latin. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** ASCII symbols count as punctuation for BERT even where Unicode says "symbol" ($, +, <, ^, `, |, ~). */
function isPunctuation(ch: string, cp: number): boolean {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
    return true;
  return PUNCTUATION.test(ch);
}

function isBertWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || SPACE_SEPARATOR.test(ch);
}

function isBertControl(ch: string): boolean {
  if (ch === '\t' || ch === '\n' || ch === '\r') return false;
  return CONTROL.test(ch);
}

/** BertNormalizer: the order (clean, CJK, strip accents, then lowercase per code point) is the Rust one. */
function normalize(text: string, lowercase: boolean, stripAccents: boolean): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0 || cp === 0xfffd || isBertControl(ch)) continue;
    if (isBertWhitespace(ch)) out += ' ';
    else if (isCjk(cp)) out += ` ${ch} `;
    else out += ch;
  }
  if (stripAccents) out = out.normalize('NFD').replace(NONSPACING_MARK, '');
  if (lowercase) {
    // Per code point, as the Rust normalizer does: no context-dependent mappings such as a word-final sigma.
    let lower = '';
    for (const ch of out) lower += ch.toLowerCase();
    out = lower;
  }
  return out;
}

/** BertPreTokenizer: whitespace separates words, every punctuation character is a word of its own. */
function preTokenize(text: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const ch of text) {
    if (WHITESPACE.test(ch)) {
      if (current) words.push(current);
      current = '';
    } else if (isPunctuation(ch, ch.codePointAt(0)!)) {
      if (current) words.push(current);
      words.push(ch);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) words.push(current);
  return words;
}

/** Parses `vocab.txt` (one token per line, id = line number). */
export function parseVocab(vocabText: string): Map<string, number> {
  const vocab = new Map<string, number>();
  const lines = vocabText.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((token, id) => {
    if (!vocab.has(token)) vocab.set(token, id);
  });
  return vocab;
}

export function createWordPieceTokenizer(
  vocab: Map<string, number> | string,
  options: TokenizerOptions,
): WordPieceTokenizer {
  const ids = typeof vocab === 'string' ? parseVocab(vocab) : vocab;
  const lowercase = options.lowercase ?? true;
  const stripAccents = options.stripAccents ?? lowercase;
  const maxChars = options.maxInputCharsPerWord ?? 100;
  const maxLength = options.maxLength;
  if (!Number.isInteger(maxLength) || maxLength < 2)
    throw new Error(`maxLength must be an integer ≥ 2, got ${maxLength}`);
  const special = (token: string) => {
    const id = ids.get(token);
    if (id === undefined) throw new Error(`The vocabulary has no ${token}`);
    return id;
  };
  const cls = special('[CLS]');
  const sep = special('[SEP]');
  const unk = special('[UNK]');

  /** Greedy longest-match-first; a word with any unmatchable rest is one [UNK]. */
  function wordPieces(word: string, out: string[]): void {
    const chars = Array.from(word);
    if (chars.length > maxChars) {
      out.push('[UNK]');
      return;
    }
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: string | undefined;
      while (start < end) {
        const piece = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        if (ids.has(piece)) {
          found = piece;
          break;
        }
        end--;
      }
      if (found === undefined) {
        out.push('[UNK]');
        return;
      }
      pieces.push(found);
      start = end;
    }
    out.push(...pieces);
  }

  function tokenize(text: string): string[] {
    const tokens: string[] = [];
    const budget = maxLength - 2;
    // Special tokens written in the text itself stay whole, as `tokenizers` matches added tokens before normalising.
    outer: for (const [i, part] of text.split(SPECIAL_TOKENS).entries()) {
      if (i % 2 === 1) {
        tokens.push(part);
        continue;
      }
      for (const word of preTokenize(normalize(part, lowercase, stripAccents))) {
        wordPieces(word, tokens);
        if (tokens.length >= budget) break outer;
      }
    }
    return ['[CLS]', ...tokens.slice(0, budget), '[SEP]'];
  }

  return {
    vocabSize: ids.size,
    tokenize,
    encode(text: string): number[] {
      return tokenize(text).map((token) =>
        token === '[CLS]' ? cls : token === '[SEP]' ? sep : (ids.get(token) ?? unk),
      );
    },
  };
}
