/** What inside an article root is not article text. */
import {
  BLOCK,
  CAPTION,
  HEADINGS,
  hints,
  isHiddenInline,
  isNegative,
  isNotArticle,
  isPositive,
  linkDensity,
  measure,
  NOT_ARTICLE_TAGS,
  type Stats,
} from './element-stats';

/** Elements that hold furniture, not text: the article's header (headline, standfirst, byline), times, addresses. */
const FURNITURE_TAGS = new Set(['header', 'time', 'address', 'hgroup']);
/** Class and id words of page furniture. */
const FURNITURE_CLASS =
  /standfirst|(?:^|[\s_-])(?:dek|deck|kicker|strapline|subtitle|sub-?headline|subhead|summary|byline|by-line|dateline|timestamp|date|time|pubdate|published|updated|author|authors|contributor|bio|credit|credits|caption|photo-?credit|image-?credit|tagline|reprints?|print-?info)(?:$|[\s_-])/i;
const JUNK_TEXT =
  /^[-–—|•\s]*(?:advertisement|advertising|sponsored(?: content)?|ad|annonce|publicité|anzeige|story continues below(?: advertisement)?|continue reading(?: the main story)?|scroll to continue(?: with content)?)[-–—|•\s]*$/i;
/** Labels of boxes that point elsewhere ("People Also Read: ...", "Read More From ..."). */
const LEAD_IN =
  /^[[(]?\s*(?:people also (?:read|viewed|watched)|also read|read (?:more|also|next)|more from|related(?: (?:articles?|stories|coverage|content|links|news|posts?|reading))?|recommended(?: for you)?|you (?:may|might) (?:also )?like|see also|don'?t miss|must read|trending(?: now)?|most (?:read|popular|viewed)|more (?:stories|news|on this(?: story)?)|top stories|editor'?s picks|lire aussi|à lire aussi|voir aussi)\b/i;
const FORM_TEXT =
  /^(?:please enter your (?:comment|name|email)|leave a (?:reply|comment)|post a comment|add a comment|cancel reply|this site uses akismet|save my name, email|sign up|subscribe|share (?:this|on)|follow us|click here to)/i;

/**
 * Elements inside an article root that are not article text: ads and their labels, "People Also Read" and "Read More
 * From" boxes with their link lists, share bars, comment forms, navigation. Outermost first, in page order.
 */
export function findJunk(root: Element): Element[] {
  const stats = measure(root, () => false);
  const rootText = stats.get(root)?.text ?? 0;
  const junk: Element[] = [];
  const stack: Element[] = Array.from(root.children).reverse();
  while (stack.length) {
    const el = stack.pop()!;
    const s = stats.get(el);
    if (!s) continue; // skipped by the text index as well
    if (isJunk(el, s, stats, rootText)) {
      junk.push(el);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return junk;
}

/**
 * Whether one block taken on its own (a paragraph Readability kept, mapped back onto the page) is not article text:
 * a "People Also Read:" line, a byline or caption paragraph, a link list.
 */
export function isJunkBlock(el: Element): boolean {
  const stats = measure(el, () => false);
  const s = stats.get(el);
  return !!s && isJunk(el, s, stats, Infinity);
}

function isJunk(el: Element, s: Stats, stats: Map<Element, Stats>, rootText: number): boolean {
  if (isHiddenInline(el)) return true;
  // Never drop what holds most of the article, whatever its classes say.
  if (s.text > rootText * 0.5) return false;
  const name = el.localName;
  // A word or two inside a paragraph ("<span class=dateline>CAIRO —</span> Gunmen opened fire") never drops the
  // paragraph: inline elements count only when they are the whole line.
  const parent = el.parentElement && stats.get(el.parentElement);
  if (!BLOCK.has(name) && parent && s.text < parent.text * 0.8) return false;
  if (NOT_ARTICLE_TAGS.has(name) || isNotArticle(el)) return true;
  // Headings label the story or its sections; the headline restates the lede. Never claims.
  if (HEADINGS.has(name) || FURNITURE_TAGS.has(name)) return true;
  // Bylines, datelines, standfirsts, credits and author boxes, by their class.
  if (FURNITURE_CLASS.test(hints(el)) && !(s.text > 400 && linkDensity(s) < 0.2 && isPositive(el))) return true;
  // Captions describe a picture, not the story; on news pages they are as often a video teaser or a stock photo's.
  if (name === 'figcaption' || CAPTION.test(hints(el))) return true;
  if (isNegative(el) && !(isPositive(el) && s.text > 400 && linkDensity(s) < 0.2)) return true;
  if (!BLOCK.has(name) || !s.text) return false;
  const density = linkDensity(s);
  // Labels and lead-ins are short; reading the text of every long block would cost more than it finds.
  const text = s.text < 400 ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  if (JUNK_TEXT.test(text) || FORM_TEXT.test(text)) return true;
  if (LEAD_IN.test(text) && (/^[^:]{0,42}:/.test(text) || text.length < 120 || density >= 0.3)) return true;
  // Link lists and paragraphs that are only a link point elsewhere.
  if (name === 'p') return density >= 0.8 || (density >= 0.5 && s.text < 120);
  return density >= 0.5;
}
