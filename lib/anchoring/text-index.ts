/**
 * The text of a DOM subtree as a reader sees it, with a two-way map between offsets in that text and DOM positions.
 *
 * Claim finding, selectors and anchoring all speak in offsets of this text, so it must be the same on every visit of
 * an unchanged page: scripts, styles, hidden elements and Claimlens' own UI do not count, whitespace runs collapse to
 * one space (a re-indented page keeps its offsets), and block boundaries and `<br>` read as a line break (so the last
 * word of a heading never fuses with the first word of the paragraph below it).
 */

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'INPUT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BR',
  'CAPTION',
  'LEGEND',
  'MENU',
  'HGROUP',
  'SEARCH',
]);

/** Elements carrying this attribute (Claimlens' own shadow-root hosts) are not page text. */
export const UI_ATTRIBUTE = 'data-claimlens-ui';

export interface TextIndexOptions {
  /**
   * Also skip elements hidden by CSS (`display: none`, `visibility: hidden`). Costs a style lookup per element, so the
   * content script turns it on and pure unit tests may leave it off; describe and anchor must agree on it.
   */
  checkStyle?: boolean;
  /**
   * Skip elements whose own `style` attribute hides them (`display: none`, `visibility: hidden`): no style
   * computation, so cheap enough for any caller; implied by `checkStyle`. Pages keep modals, teasers and ad labels
   * hidden this way, and an anchor in them would be invisible.
   */
  checkInlineStyle?: boolean;
}

interface Segment {
  /** The text node this run of index characters comes from; null for a synthetic block break. */
  node: Text | null;
  start: number;
  end: number;
  /** Raw offset in `node.data` of each index character, or null when they are the same (offset = i - start). */
  raw: Uint32Array | null;
}

export interface TextIndex {
  readonly root: Node;
  readonly text: string;
  /** The DOM range of index text [start, end); null when the span holds no page text. */
  toRange(start: number, end: number): Range | null;
  /** The index offset of a DOM boundary point (the next indexed character at or after it). */
  offsetOf(node: Node, offset: number): number;
}

const isSpace = (code: number) =>
  code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 0xa0;

/** Whitespace the index rewrites or drops: anything but a lone plain space. */
const COLLAPSIBLE = /[\t\n\r\f\u00a0]| {2}/;

/** HTML tag names are upper case; SVG and XHTML ones are not. */
const upperTag = (el: Element) => {
  const tag = el.tagName;
  return tag.charCodeAt(0) >= 97 ? tag.toUpperCase() : tag;
};

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function isSkippedElement(el: Element, checkStyle: boolean, checkInlineStyle = false): boolean {
  if (SKIPPED_TAGS.has(upperTag(el))) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(UI_ATTRIBUTE)) return true;
  if (checkInlineStyle && !checkStyle) {
    const style = el.getAttribute('style');
    if (style && INLINE_HIDDEN.test(style)) return true;
  }
  if (checkStyle) {
    const view = el.ownerDocument.defaultView;
    if (view) {
      const style = view.getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
  }
  return false;
}

const isBlock = (node: Node) => node.nodeType === 1 && BLOCK_TAGS.has(upperTag(node as Element));

export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const steps = textIndexSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Nodes read between two pauses of `textIndexSteps`: a few hundred microseconds of work on a real page. */
const NODES_PER_STEP = 256;

/**
 * `buildTextIndex` as resumable work: the generator pauses (yields) every few hundred nodes and returns the index.
 * Run to the end without pausing it gives the same index as `buildTextIndex`; a caller that spreads the steps over
 * several tasks (the content script on a large page) must start over if the subtree changed in between.
 */
export function* textIndexSteps(root: Node, options: TextIndexOptions = {}): Generator<void, TextIndex, void> {
  const checkStyle = options.checkStyle ?? false;
  const checkInlineStyle = options.checkInlineStyle ?? false;
  const parts: string[] = [];
  const segments: Segment[] = [];
  const segmentOf = new Map<Text, number>();
  let length = 0;
  let lastWasSpace = true; // leading whitespace of the root never counts

  const breakLine = () => {
    if (length === 0) return;
    if (lastWasSpace) {
      // A collapsed space already ends the text: turn it into the break instead of adding one.
      const tail = parts[parts.length - 1]!;
      if (tail.charCodeAt(tail.length - 1) === 32) parts[parts.length - 1] = `${tail.slice(0, -1)}\n`;
      return;
    }
    parts.push('\n');
    segments.push({ node: null, start: length, end: length + 1, raw: null });
    length += 1;
    lastWasSpace = true;
  };

  const pushText = (node: Text, out: string, raw: Uint32Array | null) => {
    segmentOf.set(node, segments.length);
    segments.push({ node, start: length, end: length + out.length, raw });
    parts.push(out);
    length += out.length;
  };

  const addText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    // Most text nodes of a page need no rewriting: keep them as they are, without a per-character copy.
    if (!COLLAPSIBLE.test(data) && !(lastWasSpace && data.charCodeAt(0) === 32)) {
      pushText(node, data, null);
      lastWasSpace = data.charCodeAt(data.length - 1) === 32;
      return;
    }
    let out = '';
    let raw: number[] | null = null;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isSpace(code)) {
        if (lastWasSpace) {
          // A dropped character: from here on, index and raw offsets differ.
          raw ??= Array.from({ length: out.length }, (_, k) => k);
          continue;
        }
        out += ' ';
        lastWasSpace = true;
      } else {
        out += data[i];
        lastWasSpace = false;
      }
      raw?.push(i);
    }
    if (out) pushText(node, out, raw ? Uint32Array.from(raw) : null);
  };

  // Iterative walk along firstChild/nextSibling: real pages nest deeper than the call stack likes, and live
  // `childNodes` lists are slow to read in jsdom.
  if (root.nodeType === 3) addText(root as Text);
  if (isBlock(root)) breakLine();
  let node: Node | null = root.nodeType === 3 ? null : root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    let descend = false;
    if (node.nodeType === 3) {
      addText(node as Text);
    } else if (node.nodeType === 1 && !isSkippedElement(node as Element, checkStyle, checkInlineStyle)) {
      const block = isBlock(node);
      if (block) breakLine();
      if (node.firstChild) descend = true;
      else if (block) breakLine();
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) node = null;
      else if (isBlock(node)) breakLine();
    }
    if (node) node = node.nextSibling;
  }
  if (isBlock(root)) breakLine();

  const text = parts.join('');
  const realSegments = segments.filter((s) => s.node !== null);

  /** Index of the first real segment that ends after `pos`. */
  const segmentAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = realSegments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (realSegments[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rawOffset = (seg: Segment, pos: number) => (seg.raw ? seg.raw[pos - seg.start]! : pos - seg.start);

  const toRange = (start: number, end: number): Range | null => {
    if (end <= start) return null;
    const first = segmentAtOrAfter(start);
    const startSeg = realSegments[first];
    if (!startSeg || startSeg.start >= end) return null;
    const startPos = Math.max(start, startSeg.start);
    // The last real character before `end`.
    let lastIdx = segmentAtOrAfter(end - 1);
    if (lastIdx >= realSegments.length || realSegments[lastIdx]!.start > end - 1) lastIdx -= 1;
    const endSeg = realSegments[lastIdx]!;
    const endPos = Math.min(end, endSeg.end) - 1;
    const doc = root.ownerDocument ?? (root as Document);
    const range = doc.createRange();
    range.setStart(startSeg.node!, rawOffset(startSeg, startPos));
    range.setEnd(endSeg.node!, rawOffset(endSeg, endPos) + 1);
    return range;
  };

  const offsetInText = (node: Text, offset: number): number | null => {
    const idx = segmentOf.get(node);
    if (idx === undefined) return null;
    const seg = segments[idx]!;
    if (!seg.raw) return seg.start + Math.min(offset, seg.end - seg.start);
    // First index character whose raw offset is at or after `offset`.
    let lo = 0;
    let hi = seg.raw.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seg.raw[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return seg.start + lo;
  };

  const offsetOf = (node: Node, offset: number): number => {
    if (node.nodeType === 3) {
      const found = offsetInText(node as Text, offset);
      if (found !== null) return found;
    }
    // The first indexed text node at or after this boundary point, in document order.
    let from =
      node.nodeType === 3 ? nextInOrder(node, root, true) : (node.childNodes[offset] ?? nextInOrder(node, root, true));
    while (from) {
      const idx = from.nodeType === 3 ? segmentOf.get(from as Text) : undefined;
      if (idx !== undefined) return segments[idx]!.start;
      from = nextInOrder(from, root);
    }
    return text.length;
  };

  return { root, text, toRange, offsetOf };
}

/** The node after `node` in document order within `root`, skipping `node`'s subtree when `skipChildren`. */
function nextInOrder(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let current: Node | null = node;
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}
