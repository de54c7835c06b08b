import { siteOf } from './normalize-url';

/**
 * Evidence links come from the reader, but the text may have been pasted from a page: only http(s) URLs are kept,
 * so a `javascript:` or `data:` link can never be stored, shown as a link or exported.
 */
export type EvidenceUrlResult = { ok: true; url: string } | { ok: false; error: string };

export function parseEvidenceUrl(input: string): EvidenceUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Paste or type the address of the source.' };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: `“${text}” is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'Only web addresses (http or https) can be evidence.' };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, error: `“${text}” is not a web address.` };
  }
  return { ok: true, url: url.toString() };
}

/** How a link is shown: its site, without `www.`. */
export function siteLabel(url: string): string {
  return siteOf(url) || url;
}
