import { samePublisher } from './same-page-owner';

/**
 * One key per article: the same story reached from a newsletter, a share button or a search result must find the same
 * claims. Fragments and click-tracking parameters go; parameters that select content (an article id) stay.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  '_ga',
  '_gl',
  'ito',
  'smid',
  'smtyp',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  '__twitter_impression',
  'spm',
  'share',
  'sh',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_', 'ns_'];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The storage key of a page URL; returns the input unchanged when it is not a URL. */
export function normalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  url.hash = '';
  // forEach, not a spread of keys(): Firefox content scripts see DOM iterators through Xray wrappers that can't be spread.
  const tracking: string[] = [];
  url.searchParams.forEach((_value, name) => {
    if (isTracking(name)) tracking.push(name);
  });
  for (const name of tracking) url.searchParams.delete(name);
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443'))
    url.port = '';
  let out = url.toString();
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}

/** Host without a leading `www.`, to compare whether two URLs belong to the same site. */
export function siteOf(input: string): string {
  try {
    return new URL(input).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The page's key: its `<link rel="canonical">` when it is the same publisher's (same origin, and the same author's
 * path on a shared host: publishers point every variant of an article at one URL), else the location itself,
 * normalized either way.
 */
export function pageKey(location: string, canonical: string | null | undefined): string {
  if (canonical) {
    try {
      const resolved = new URL(canonical, location).toString();
      if (/^https?:/.test(resolved) && samePublisher(resolved, location)) return normalizeUrl(resolved);
    } catch {
      // A malformed canonical link is the publisher's bug; fall back to the location.
    }
  }
  return normalizeUrl(location);
}
