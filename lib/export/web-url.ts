/**
 * Only http and https links are ever written out as links: anything else (`javascript:`, `data:`, `file:`, a
 * relative path) is shown as text, so an export can never carry a script or a local path into a link.
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
