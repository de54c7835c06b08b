// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWordPieceTokenizer, parseVocab } from './tokenizer';
import { EXTRA_CASES, MODEL_DIR, PYTHON_FIXTURES, requireFile } from './test-fixtures/paths';

interface Case {
  text: string;
  input_ids: number[];
  tokens?: string[];
}

const vocab = () => parseVocab(readFileSync(requireFile(join(MODEL_DIR, 'vocab.txt'), 'vocab.txt'), 'utf8'));
const cases = (path: string): { maxLength: number; cases: Case[] } => JSON.parse(readFileSync(path, 'utf8'));

describe('WordPiece tokenizer', () => {
  it('reproduces the Python tokenizer on the training fixtures (ids and tokens)', () => {
    const fixtures = cases(requireFile(PYTHON_FIXTURES, 'training fixtures'));
    const tokenizer = createWordPieceTokenizer(vocab(), { maxLength: fixtures.maxLength });
    expect(fixtures.cases.length).toBeGreaterThan(10);
    for (const c of fixtures.cases) {
      expect(tokenizer.encode(c.text), c.text).toEqual(c.input_ids);
      if (c.tokens) expect(tokenizer.tokenize(c.text), c.text).toEqual(c.tokens);
    }
  });

  // Made by test-fixtures/make-tokenizer-cases.py with transformers' BertTokenizerFast: accents, Greek capitals,
  // CJK, emoji, control and zero-width characters, odd whitespace, ligatures, over-long words, truncation.
  it('reproduces the Python tokenizer on the edge cases', () => {
    const tokenizer = createWordPieceTokenizer(vocab(), { maxLength: 64 });
    for (const c of cases(EXTRA_CASES).cases)
      expect(tokenizer.encode(c.text), JSON.stringify(c.text)).toEqual(c.input_ids);
  });

  it('works on a hand-made vocabulary: lowercase, accents, punctuation, ##pieces, [UNK], truncation', () => {
    const tiny = [
      '[PAD]',
      '[UNK]',
      '[CLS]',
      '[SEP]',
      'the',
      'cafe',
      'un',
      '##aff',
      '##able',
      ',',
      '.',
      '3',
      '%',
      '中',
    ].join('\n');
    const tokenizer = createWordPieceTokenizer(tiny, { maxLength: 8 });
    // maxLength 8: six pieces between [CLS] and [SEP], so the final '.' is cut.
    expect(tokenizer.tokenize('The Café, unaffable.')).toEqual([
      '[CLS]',
      'the',
      'cafe',
      ',',
      'un',
      '##aff',
      '##able',
      '[SEP]',
    ]);
    expect(tokenizer.encode('THE 3% 中')).toEqual([2, 4, 11, 12, 13, 3]);
    expect(tokenizer.tokenize('unknownword the')).toEqual(['[CLS]', '[UNK]', 'the', '[SEP]']);
    expect(tokenizer.tokenize('')).toEqual(['[CLS]', '[SEP]']);
    expect(() => createWordPieceTokenizer('a\nb', { maxLength: 8 })).toThrow(/\[CLS\]/);
  });
});
