import type { PageInfo } from '../messaging/protocol';
import { pageKey, siteOf } from './normalize-url';

/**
 * Bounds of page metadata, as the background accepts it (`lib/messaging/validate.ts`): a page with a longer title or
 * address must still be able to mark claims and get its saved claims back, so what is read is cut to fit.
 */
export const MAX_PAGE_URL_LENGTH = 8192;
export const MAX_PAGE_TITLE_LENGTH = 2000;
export const MAX_PAGE_SITE_LENGTH = 500;

const meta = (doc: Document, selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || '';

/** At most `max` UTF-16 units, never splitting a surrogate pair; `mark` ends a text that was cut. */
export function clip(text: string, max: number, mark = ''): string {
  if (text.length <= max) return text;
  let end = max - mark.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + mark;
}

/** Who and what the page is, from the metadata publishers already provide for link previews. */
export function readPageInfo(doc: Document, location: string): PageInfo {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href');
  const url = clip(pageKey(location, canonical), MAX_PAGE_URL_LENGTH);
  return {
    url,
    title: clip(
      (meta(doc, 'meta[property="og:title"]') || doc.title || url).replace(/\s+/g, ' ').trim(),
      MAX_PAGE_TITLE_LENGTH,
      '…',
    ),
    site: clip(meta(doc, 'meta[property="og:site_name"]') || siteOf(url), MAX_PAGE_SITE_LENGTH, '…'),
    lang: doc.documentElement.getAttribute('lang')?.trim() || '',
  };
}
