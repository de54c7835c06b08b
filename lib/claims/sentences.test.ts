import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const texts = (text: string, locale?: string) => splitSentences(text, locale).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps exact, trimmed offsets into the input', () => {
    const text = '  First one here.   Second one there.\n\nThird line  ';
    for (const sentence of splitSentences(text)) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(texts(text)).toEqual(['First one here.', 'Second one there.', 'Third line']);
  });

  it('does not break after titles, dotted abbreviations or months', () => {
    expect(texts('He met Mr. Smith and Dr. Jones in the U.S. Senate on Jan. 5 last year. They left.')).toEqual([
      'He met Mr. Smith and Dr. Jones in the U.S. Senate on Jan. 5 last year.',
      'They left.',
    ]);
    expect(texts('Washington (AP) — Sen. John Smith, R-Texas, objected. It failed.')).toEqual([
      'Washington (AP) — Sen. John Smith, R-Texas, objected.',
      'It failed.',
    ]);
  });

  it('still breaks after an abbreviation that ends a sentence', () => {
    expect(texts('He moved to the U.S. The next year he left.')).toEqual([
      'He moved to the U.S.',
      'The next year he left.',
    ]);
  });

  it('keeps initials and decimal figures inside the sentence', () => {
    expect(texts('Then J. K. Rowling said it cost $4.5 billion, up 3.2% on 2015. Fine.')).toEqual([
      'Then J. K. Rowling said it cost $4.5 billion, up 3.2% on 2015.',
      'Fine.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(texts('She said: "It is done." Then he left. “Go.” He went.')).toEqual([
      'She said: "It is done."',
      'Then he left.',
      '“Go.”',
      'He went.',
    ]);
    expect(texts('Il a dit que M. Hollande a tort. « C’est fini. » Voilà.', 'fr')).toEqual([
      'Il a dit que M. Hollande a tort.',
      '« C’est fini. »',
      'Voilà.',
    ]);
  });

  it('joins a quotation of several sentences with its attribution', () => {
    expect(texts('“They trained illegally using Twitter data. Lawsuit time,” Musk said in a tweet. Next.')).toEqual([
      '“They trained illegally using Twitter data. Lawsuit time,” Musk said in a tweet.',
      'Next.',
    ]);
  });

  it('continues after a question when a lowercase word follows', () => {
    expect(texts('"Why now?" she asked. Nobody knew.')).toEqual(['"Why now?" she asked.', 'Nobody knew.']);
  });

  it('ends headings and lines without a full stop at the line break', () => {
    expect(texts('Musk Threatens to Sue Microsoft\nMicrosoft dropped Twitter. It said nothing')).toEqual([
      'Musk Threatens to Sue Microsoft',
      'Microsoft dropped Twitter.',
      'It said nothing',
    ]);
  });

  it('survives an unknown locale and empty text', () => {
    expect(texts('One sentence. Two.', 'not a locale!')).toEqual(['One sentence.', 'Two.']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });
});

describe('splitSentences on hostile text', () => {
  // 500,000 characters: a quadratic merge of abbreviation breaks would run for minutes; the timeout catches it.
  it('splits "U.S. " repeated 100,000 times in linear time', () => {
    const text = 'U.S. '.repeat(100_000);
    const sentences = splitSentences(text, 'en');
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  }, 30_000);

  it('splits "Mr. Smith said. " and quotes repeated 20,000 times in linear time', () => {
    expect(splitSentences('Mr. Smith said “yes. '.repeat(20_000), 'en').length).toBeGreaterThan(0);
    expect(splitSentences('He said. ” '.repeat(50_000), 'en').length).toBeGreaterThan(0);
  }, 30_000);
});
