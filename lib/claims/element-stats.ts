/**
 * One read-only measuring pass over a subtree (visible text, link text, commas per element) and the class, id and
 * role hints that say whether an element is article text. Shared by the article finder and the junk filter.
 */
import { isSkippedElement } from '../anchoring/text-index';

export interface Stats {
  /** Visible text length of the subtree (whitespace runs counted once). */
  text: number;
  /** The part of `text` inside links. */
  links: number;
  /** Text reached without crossing a block child: the element's own paragraph text. */
  inline: number;
  commas: number;
  score: number;
  scored: boolean;
}

export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'menu',
  'hgroup',
  'search',
  'br',
]);
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Never article text, whatever their classes say. */
export const NOT_ARTICLE_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'menu',
  'dialog',
  'select',
  'search',
]);
export const NOT_ARTICLE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'search',
  'toolbar',
  'tablist',
]);

// Class and id words. Distinctive ones match anywhere (relatedLinks, sharebar); short or common ones only as a whole
// word of the class ("ad" must not hit "header" or "read", "nav" must not hit "canvas").
export const NEGATIVE_ANYWHERE =
  /comment|disqus|footer|sidebar|share|sharing|social|related|promo|sponsor|advert|newsletter|subscri|cookie|consent|gdpr|banner|breadcrumb|outbrain|taboola|masthead|navbar|navigation|popup|modal|widget|signup|paywall|trending|recirc|most-popular|mostpopular|more-from|also-read|skyscraper|shoutbox|rss/i;
export const NEGATIVE_WORDS = new Set([
  'nav',
  'menu',
  'header',
  'aside',
  'ad',
  'ads',
  'adv',
  'dfp',
  'gpt',
  'tags',
  'tag',
  'byline',
  'dateline',
  'meta',
  'signature',
  'sig',
  'author',
  'bio',
  'toolbar',
  'footnote',
  'pagination',
  'pager',
  'print',
  'login',
  'extra',
  'teaser',
  'teasers',
  'links',
  'card',
  'cards',
  'rail',
]);
export const CAPTION = /caption|credit/i;
export const POSITIVE = /article|body|content|entry|hentry|main|post|story|text|blog|prose/i;
export const POSITIVE_ATTRS = /articlebody|articletext|text-body/i;

export const words = (value: string) => value.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase());

export function hints(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

export function isNegative(el: Element): boolean {
  const value = hints(el);
  if (value.length <= 1) return false;
  return NEGATIVE_ANYWHERE.test(value) || words(value).some((w) => NEGATIVE_WORDS.has(w));
}

export function isPositive(el: Element): boolean {
  return (
    POSITIVE.test(hints(el)) ||
    POSITIVE_ATTRS.test(`${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('property') ?? ''}`)
  );
}

export function isHiddenInline(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements that can never hold article text: not measured, not descended into. */
export function isNotArticle(el: Element): boolean {
  const name = el.localName;
  if (NOT_ARTICLE_TAGS.has(name) && name !== 'form') return true; // whole pages sit in one ASP.NET <form>
  const role = el.getAttribute('role');
  return (!!role && NOT_ARTICLE_ROLES.has(role)) || el.getAttribute('aria-modal') === 'true';
}

/** One bottom-up pass over `root`'s subtree. */
export function measure(root: Element, skip: (el: Element) => boolean): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const stack: Array<{ el: Element; leaving: boolean }> = [{ el: root, leaving: false }];
  while (stack.length) {
    const { el, leaving } = stack.pop()!;
    if (!leaving) {
      if (el !== root && (isSkippedElement(el, false) || isHiddenInline(el) || skip(el))) continue;
      stack.push({ el, leaving: true });
      for (let i = el.children.length - 1; i >= 0; i--) stack.push({ el: el.children[i]!, leaving: false });
      continue;
    }
    const own: Stats = { text: 0, links: 0, inline: 0, commas: 0, score: 0, scored: false };
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        const trimmed = data.trim();
        if (!trimmed) continue;
        const length = trimmed.replace(/\s+/g, ' ').length + 1;
        own.text += length;
        own.inline += length;
        own.commas += countCommas(trimmed);
      } else if (node.nodeType === 1) {
        const child = stats.get(node as Element);
        if (!child) continue;
        own.text += child.text;
        own.links += child.links;
        if (!BLOCK.has((node as Element).localName)) {
          own.inline += child.inline;
          own.commas += child.commas;
        }
      }
    }
    if (el.localName === 'a') own.links = own.text;
    stats.set(el, own);
  }
  return stats;
}

export function countCommas(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001) count++;
  }
  return count;
}

export const linkDensity = (s: Stats) => (s.text ? s.links / s.text : 0);
