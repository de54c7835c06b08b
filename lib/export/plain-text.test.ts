import type { PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { SERIALIZE_OPTIONS } from './markdown';
import { isPlainText } from './plain-text';

/** The serializer with its own escaping only. */
const REFERENCE = { ...SERIALIZE_OPTIONS, handlers: {} };

function random(seed: number) {
  let a = seed;
  return () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const ALPHABET = [
  ...'aAwWpsz09 1.,;:?!%/\'"-()·#*_`~[]<>&@$|=+\\\n\t',
  'é',
  'ß',
  'д',
  '中',
  'www.',
  'http://',
  '1. ',
  '  ',
];

describe('plain text fast path', () => {
  it('gives the same Markdown as the serializer in every context', () => {
    const rand = random(7);
    const randomText = () =>
      Array.from({ length: 1 + Math.floor(rand() * 12) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join(
        '',
      );
    const text = (value: string): PhrasingContent => ({ type: 'text', value });
    let plain = 0;
    for (let i = 0; i < 2000; i++) {
      const a = randomText();
      const b = randomText();
      if (isPlainText(a.trim()) || isPlainText(b.trim())) plain++;
      const phrasing: PhrasingContent[] = [
        text(a),
        { type: 'strong', children: [text(b)] },
        text(b),
        { type: 'link', url: 'https://x.example/', children: [text(a)] },
        text(a),
        { type: 'break' },
        text(b),
      ];
      const tree: Root = {
        type: 'root',
        children: [
          {
            type: 'heading',
            depth: 2,
            children: [text(a), { type: 'link', url: 'https://x.example/', children: [text(b)] }],
          },
          { type: 'paragraph', children: phrasing },
          { type: 'blockquote', children: [{ type: 'paragraph', children: [text(b)] }] },
          { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [text(a)] }] }] },
        ],
      };
      expect(toMarkdown(tree, SERIALIZE_OPTIONS), JSON.stringify([a, b])).toBe(toMarkdown(tree, REFERENCE));
    }
    expect(plain).toBeGreaterThan(200);
  }, 60_000);

  it('passes ordinary prose and refuses what Markdown could read as syntax', () => {
    expect(isPlainText('Unemployment fell to 3.9% in 2023, officials said.')).toBe(true);
    expect(isPlainText("L'économie (hors inflation) a crû de 2,1 %.")).toBe(true);
    for (const risky of ['1. item', '2) item', 'see www.example.com', 'http://x', 'wow!', 'a *b*', '# h', 'a  b', 'x:'])
      expect(isPlainText(risky), risky).toBe(false);
  });
});
