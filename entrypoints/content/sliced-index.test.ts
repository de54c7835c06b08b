import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, type TextIndex } from '@/lib/anchoring/text-index';
import { parseSavedPage } from '@/scripts/claims-html';
import { corpusPath } from '@/scripts/lib/paths';
import { indexInSlices } from './sliced-index';

/** Every text node's offset and the DOM range of every 97-character span: the whole two-way map, sampled. */
function fingerprint(index: TextIndex, root: Node) {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 4);
  const offsets: number[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) offsets.push(index.offsetOf(node, 0));
  const nodes: Node[] = [];
  const at = (node: Node) => {
    if (!nodes.includes(node)) nodes.push(node);
    return nodes.indexOf(node);
  };
  const ranges: Array<number[] | null> = [];
  for (let start = 0; start < index.text.length; start += 97) {
    const range = index.toRange(start, start + 97);
    ranges.push(range && [at(range.startContainer), range.startOffset, at(range.endContainer), range.endOffset]);
  }
  return { text: index.text, offsets, ranges };
}

/** A pause after every step of the walk: as many slices as the walk allows. */
const everyStep = { sliceMs: -1, pause: () => Promise.resolve() };

const PAGES = ['yahoo-2', 'aclu', 'guardian-1', 'nytimes-1'].filter((name) =>
  existsSync(corpusPath('pages', name, 'source.html')),
);

describe('indexInSlices', () => {
  it.skipIf(PAGES.length === 0).each(PAGES)('builds the same index as buildTextIndex on %s', async (name) => {
    const page = parseSavedPage(readFileSync(corpusPath('pages', name, 'source.html'), 'utf8'));
    try {
      const body = page.document.body;
      for (const options of [{ checkInlineStyle: true }, {}]) {
        const whole = buildTextIndex(body, options);
        const sliced = await indexInSlices(body, options, everyStep);
        expect(sliced.text.length).toBeGreaterThan(1000);
        expect(fingerprint(sliced, body)).toEqual(fingerprint(whole, body));
      }
    } finally {
      await page.close();
    }
  });

  it('computes styles like buildTextIndex when asked to', async () => {
    document.body.innerHTML =
      '<style>.gone { display: none }</style><p>Kept</p><p class="gone">Hidden</p>' +
      Array.from({ length: 600 }, (_, i) => `<p>Paragraph <b>${i}</b> here.</p>`).join('');
    const sliced = await indexInSlices(document.body, { checkStyle: true }, everyStep);
    expect(sliced.text).not.toContain('Hidden');
    expect(fingerprint(sliced, document.body)).toEqual(
      fingerprint(buildTextIndex(document.body, { checkStyle: true }), document.body),
    );
  });

  /** 600 paragraphs indexed a step at a time, `onPause(n)` running at the nth pause; the index, and the pauses. */
  async function indexParagraphs(onPause: (pause: number) => void) {
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i}.</p>`).join('');
    let pauses = 0;
    const pause = async () => onPause(++pauses);
    const sliced = await indexInSlices(document.body, {}, { sliceMs: -1, pause });
    expect(fingerprint(sliced, document.body)).toEqual(fingerprint(buildTextIndex(document.body), document.body));
    return { text: sliced.text, pauses };
  }

  it('starts over when the page adds or removes nodes between slices', async () => {
    const { text } = await indexParagraphs((pause) => {
      // Half-way through the first walk, the paragraph being read goes away and a new one arrives at the top.
      if (pause !== 3) return;
      document.body.querySelectorAll('p')[500]!.remove();
      document.body.prepend(Object.assign(document.createElement('p'), { textContent: 'Breaking news.' }));
    });
    expect(text.startsWith('Breaking news.\nParagraph 0.\n')).toBe(true);
    expect(text).not.toContain('Paragraph 500.');
  });

  it('builds in one go on a page that never stops changing', async () => {
    const { text, pauses } = await indexParagraphs((pause) => {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `Tick ${pause}.` }));
    });
    expect(pauses).toBe(3);
    expect(text.endsWith('Tick 3.\n')).toBe(true);
  });
});
