import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": [1, 2}', 11],
    ['{"a": tru}', 6],
    ['{"a": "x\ny"}', 6],
    ['{"a": 1} x', 9],
    ['', 0],
    ['  ', 2],
    ['{"pages": [,', 11],
    ['[01]', 2],
    ['{"a": -}', 6],
    ['{,}', 1],
    ['{"a": 1} // c', 9],
    ['{"a": "\\q"}', 6],
  ])('finds where %j goes wrong', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with V8 where V8 says, outside strings', () => {
    for (const text of ['{"a": 1,}', '[1, 2', '{"a": [1, 2}', '{"a": 1} x', '{"a":1 "b":2}']) {
      let position = -1;
      try {
        JSON.parse(text);
      } catch (error) {
        position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? -1);
      }
      expect(position, text).toBeGreaterThanOrEqual(0);
      expect(jsonErrorOffset(text), text).toBe(position);
    }
  });
});
