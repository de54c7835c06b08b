/**
 * A fast path for the Markdown serializer. Escaping a text node tests it against some 80 "unsafe" patterns, which
 * made a 10,000-claim export take seconds; most of a claim's text is plain prose that no pattern can touch. Text made
 * only of letters, digits, single spaces and the punctuation below is written as is. Anything else, and any doubt,
 * goes through the serializer's own escaping. `plain-text.test.ts` checks, on random text, that both give the same
 * Markdown.
 */
import type { Text } from 'mdast';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';

const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M},.;?%/'"\-:!()·]| (?! ))*$/u;
/**
 * A line-start list marker (`1.`, `1)`), `www.` or `http://` (GFM autolinks), a space at the end, and a last `!` or
 * `:` (a `!` before a link would make it an image; `:` before `//` an autolink).
 */
const RISKY = /^\p{N}+[.)]|[Ww]\.|:\/|[ !:]$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{P}]$/u;

/**
 * `before` and `after` are the characters the serializer puts either side of the text. A space at an edge is only
 * plain next to a visible character: next to a line break it would be dropped by a parser, so the serializer encodes it.
 */
export function isPlainText(value: string, before = '', after = ''): boolean {
  let core = value;
  if (core.startsWith(' ')) {
    if (!WORD_CHAR.test(before)) return false;
    core = core.slice(1);
  }
  if (core.endsWith(' ')) {
    if (!WORD_CHAR.test(after)) return false;
    core = core.slice(0, -1);
  }
  if (core === '') return value === ' ';
  return PLAIN.test(core) && !RISKY.test(core);
}

const MEMO_MAX_LENGTH = 24;
const MEMO_MAX_ENTRIES = 2000;

/**
 * The `text` handler with the fast path. Short texts that repeat on every claim (" · ", " unsourced") are escaped once
 * per context: the result depends only on the text, the characters and nodes around it and the constructs it sits in,
 * which the key holds, and on the serializer options, so make one handler per options object.
 */
export function createTextHandler(): Handle {
  const memo = new Map<string, string>();
  return (node: Text, parent, state, info) => {
    const value = node.value;
    if (isPlainText(value, info.before.slice(-1), info.after.slice(0, 1))) return value;
    if (value.length > MEMO_MAX_LENGTH) return defaultHandlers.text(node, parent, state, info);
    const siblings = parent && 'children' in parent ? (parent.children as Array<{ type: string }>) : [];
    const index = state.indexStack.at(-1) ?? -1;
    const key = [
      state.stack.join('/'),
      info.before,
      info.after,
      siblings[index - 1]?.type,
      siblings[index + 1]?.type,
      value,
    ].join('\u0000');
    let escaped = memo.get(key);
    if (escaped === undefined) {
      escaped = defaultHandlers.text(node, parent, state, info);
      if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
      memo.set(key, escaped);
    }
    return escaped;
  };
}
