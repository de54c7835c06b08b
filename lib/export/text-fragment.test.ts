import { describe, expect, it } from 'vitest';
import { encodeTextDirective, textDirective, textFragmentUrl } from './text-fragment';

/** Splits a directive the way the spec's parser does: `,` between terms, `-` marking prefix and suffix. */
function parseDirective(value: string) {
  const terms = value.split(',');
  const prefix = terms[0]!.endsWith('-') ? decodeURIComponent(terms.shift()!.slice(0, -1)) : undefined;
  const suffix = terms.at(-1)!.startsWith('-') ? decodeURIComponent(terms.pop()!.slice(1)) : undefined;
  const [start, end] = terms.map(decodeURIComponent);
  return { prefix, start, end, suffix, terms: terms.length };
}

describe('text fragments', () => {
  it('percent-encodes the directive delimiters and everything outside the safe set', () => {
    const term = "Costs - rose 5%, & fell #2 (again)! it's *true* ~ok_.";
    const encoded = encodeTextDirective(term);
    expect(encoded).not.toMatch(/[-&, #%!'()*](?![0-9A-F]{2})/);
    expect(encoded).toMatch(/^[A-Za-z0-9._~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(term);
    expect(encodeTextDirective('a-b')).toBe('a%2Db');
    expect(encodeTextDirective('a,b&c')).toBe('a%2Cb%26c');
  });

  it('links a sentence in full, with no context', () => {
    const url = textFragmentUrl(
      'https://example.com/a?x=1',
      'Prices rose by 12% in the first half of 2023, officials said.',
      { prefix: 'Earlier text. ', suffix: ' More text.' },
    );
    expect(url.startsWith('https://example.com/a?x=1#:~:text=')).toBe(true);
    const parsed = parseDirective(url.split('#:~:text=')[1]!);
    expect(parsed).toEqual({
      prefix: undefined,
      start: 'Prices rose by 12% in the first half of 2023, officials said.',
      end: undefined,
      suffix: undefined,
      terms: 1,
    });
  });

  it('adds whole words of the same block around a short quote', () => {
    const parsed = parseDirective(
      textDirective('It is false.', {
        prefix: 'dline\nThe mayor replied on Tuesday: ',
        suffix: ' The council voted against it later\nNext block',
      })!,
    );
    expect(parsed).toMatchObject({ prefix: 'replied on Tuesday:', start: 'It is false.', suffix: 'The council voted' });
  });

  it('drops a word the selector cut in half', () => {
    const parsed = parseDirective(textDirective('It is false.', { prefix: 'ayor replied: ', suffix: ' The coun' })!);
    expect(parsed).toMatchObject({ prefix: 'replied:', suffix: 'The' });
    expect(parseDirective(textDirective('It is false.', { prefix: 'ayor', suffix: 'cil' })!)).toMatchObject({
      prefix: undefined,
      suffix: undefined,
      terms: 1,
    });
  });

  it('links a long quote by its first and last words', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const parsed = parseDirective(textDirective(words.join(' '))!);
    expect(parsed).toMatchObject({
      start: 'word0 word1 word2 word3 word4',
      end: 'word75 word76 word77 word78 word79',
      terms: 2,
    });
  });

  it('collapses whitespace and replaces the URL fragment', () => {
    expect(textFragmentUrl('https://example.com/#section', '  two\n words ')).toBe(
      'https://example.com/#:~:text=two%20words',
    );
    expect(textFragmentUrl('https://example.com/', '   ')).toBe('https://example.com/');
  });

  it('survives text that is not well-formed UTF-16', () => {
    expect(textDirective('broken \uD800 pair')).toBe('broken%20%EF%BF%BD%20pair');
  });
});
