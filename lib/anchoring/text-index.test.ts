import { describe, expect, it } from 'vitest';
import { buildTextIndex } from './text-index';

function dom(html: string) {
  document.body.innerHTML = html;
  return document.body;
}

describe('buildTextIndex', () => {
  it('collapses whitespace and breaks lines at block boundaries', () => {
    const root = dom('<h1>  Title </h1>\n  <p>First   line<br>second\n line.</p><p>Next</p>');
    expect(buildTextIndex(root).text).toBe('Title\nFirst line\nsecond line.\nNext\n');
  });

  it('ignores scripts, styles, hidden elements and Claimlens UI', () => {
    const root = dom(
      '<p>Kept<script>var x = 1</script><style>p{}</style><span hidden>gone</span> text</p>' +
        '<div data-claimlens-ui>toolbar</div>',
    );
    expect(buildTextIndex(root).text).toBe('Kept text\n');
  });

  it('maps index offsets to DOM ranges that hold the same text', () => {
    const root = dom('<p>The  <b>quick</b>\n brown fox.</p><p>Jumps over.</p>');
    const index = buildTextIndex(root);
    for (const word of ['quick brown', 'The quick', 'fox.', 'brown fox.\nJumps']) {
      const start = index.text.indexOf(word);
      const range = index.toRange(start, start + word.length)!;
      expect(range.toString().replace(/\s+/g, '')).toBe(word.replace(/\s+/g, ''));
    }
  });

  it('maps DOM boundary points back to the same offsets', () => {
    const root = dom('<p>The  <b>quick</b>\n brown fox.</p>');
    const index = buildTextIndex(root);
    const bold = root.querySelector('b')!;
    expect(index.offsetOf(bold.firstChild!, 0)).toBe(index.text.indexOf('quick'));
    expect(index.offsetOf(bold, 0)).toBe(index.text.indexOf('quick'));
    expect(index.offsetOf(bold.nextSibling!, 2)).toBe(index.text.indexOf('brown'));
    expect(index.offsetOf(root, root.childNodes.length)).toBe(index.text.length);
  });

  it('returns null for a span with no page text', () => {
    const index = buildTextIndex(dom('<p>One</p><p>Two</p>'));
    expect(index.toRange(3, 4)).toBeNull();
    expect(index.toRange(2, 2)).toBeNull();
  });
});
