import type { PageInfo } from '../messaging/protocol';
import { pageKey, siteOf } from './normalize-url';

const meta = (doc: Document, selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || '';

/** Who and what the page is, from the metadata publishers already provide for link previews. */
export function readPageInfo(doc: Document, location: string): PageInfo {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href');
  const url = pageKey(location, canonical);
  return {
    url,
    title: (meta(doc, 'meta[property="og:title"]') || doc.title || url).replace(/\s+/g, ' ').trim(),
    site: meta(doc, 'meta[property="og:site_name"]') || siteOf(url),
    lang: doc.documentElement.getAttribute('lang')?.trim() || '',
  };
}
