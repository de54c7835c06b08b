/**
 * Which claim lies under a point. Highlights are not elements, so a click on one lands on the page's own element;
 * the caret position under the pointer tells which text was hit.
 */
// Both methods are missing from some engines (caretPositionFromPoint arrived in Chrome 128), so probe them.
interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const caretDoc = doc as unknown as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const pos = caretDoc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The id of the first claim whose range holds the DOM point, or null. */
export function claimAtPoint(claims: Iterable<[string, Range]>, node: Node, offset: number): string | null {
  for (const [id, range] of claims) {
    try {
      if (range.isPointInRange(node, offset)) return id;
    } catch {
      // A point in another document or a detached node is in no claim.
    }
  }
  return null;
}

interface HighlightHitRegistry {
  highlightsFromPoint?: (x: number, y: number) => Array<{ highlight: Highlight }>;
}

/**
 * Whether any of these highlights lies under the point, from the browser's own hit test (`highlightsFromPoint`,
 * Chrome 140+); null where the browser lacks it, so the caller falls back to the caret.
 */
export function highlightsAtPoint(
  registry: HighlightRegistry | undefined,
  names: readonly string[],
  x: number,
  y: number,
): boolean | null {
  const hit = (registry as unknown as HighlightHitRegistry | undefined)?.highlightsFromPoint;
  if (!registry || typeof hit !== 'function') return null;
  const ours = new Set(names.map((name) => registry.get(name)).filter(Boolean));
  return hit.call(registry, x, y).some(({ highlight }) => ours.has(highlight));
}
