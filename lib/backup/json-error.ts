/**
 * The offset where a text stops being valid JSON. Only run after `JSON.parse` failed, for engines whose message does
 * not say where (V8 gives no position for an unexpected token, Safari never does).
 */
const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING_PART = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const token = (pattern: RegExp) => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  /** Moves past a string; on failure leaves `i` at the offending character. */
  const string = () => {
    if (text[i] !== '"') return false;
    STRING_PART.lastIndex = i + 1;
    STRING_PART.test(text);
    i = STRING_PART.lastIndex;
    if (text[i] !== '"') return false;
    i++;
    return true;
  };
  // Containers still open, innermost last; `expect` is what may come next.
  const stack: Array<'{' | '['> = [];
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (i >= text.length) return i;
    const c = text[i]!;
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
        expect = 'after';
        continue;
      }
      if (c === '-' || (c >= '0' && c <= '9') ? token(NUMBER) : c === '-' || (c >= '0' && c <= '9') ? token(NUMBER)
        : LITERALS.some((l) => text.startsWith(l, i) && (i += l.length))) {
        expect = 'after';
        continue;
      }
      return i;
    }
    if (expect === 'key') {
      if (!string()) return i;
      skip();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    // after a value
    const open = stack.at(-1);
    if (!open) return i; // text after the top-level value
    if (c === ',') {
      i++;
      expect = open === '{' ? 'key' : 'value';
    } else if (c === (open === '{' ? '}' : ']')) {
      stack.pop();
      i++;
      if (!stack.length) {
        skip();
        return i; // an error after a complete value: only trailing text is left
      }
    } else return i;
  }
}
