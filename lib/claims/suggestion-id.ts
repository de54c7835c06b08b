/**
 * A suggestion keeps its id across re-runs of the finder on the same page (a page that re-renders, a reload), so the
 * panel's selection and a half-typed note stay attached to it. Formatted as a UUID (version 8: custom) because a
 * suggestion becomes a stored claim under this id once the reader judges it.
 */
export function suggestionId(pageUrl: string, exact: string, occurrence: number): string {
  const key = `${pageUrl}\u0000${exact}\u0000${occurrence}`;
  const hex = (
    hash53(key, 0x9e3779b9).toString(16).padStart(14, '0') + hash53(key, 0x85ebca6b).toString(16).padStart(14, '0')
  )
    .slice(0, 32)
    .padEnd(32, '0');
  const variant = (8 + (parseInt(hex[16]!, 16) & 3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; ids only need to be distinct per page). */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
