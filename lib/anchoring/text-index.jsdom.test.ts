// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextIndex } from './text-index';

describe('buildTextIndex (jsdom)', () => {
  it('reads text like happy-dom does and maps it back to ranges', () => {
    document.body.innerHTML =
      '<h1>  Title </h1>\n  <p>First   line<br>second\n line.</p><script>x()</script><p>Next</p>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('Title\nFirst line\nsecond line.\nNext\n');
    const at = index.text.indexOf('line\nsecond');
    expect(index.toRange(at, at + 11)!.toString()).toBe('line<br>second'.replace('<br>', ''));
  });
});
