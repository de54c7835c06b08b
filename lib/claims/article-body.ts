/**
 * Where the article is on a live page, and what inside it is not article.
 *
 * Readability's approach without its cost: it clones and rewrites the document, which on a 1.6 MB front page takes
 * longer than a content script may block, and its result would still have to be mapped back to the live DOM. Here one
 * read-only pass measures every element (text, link text, commas), paragraphs vote for their ancestors as in
 * Readability, class/id hints and link density weigh the votes, and the winner plus its like siblings are the roots.
 */
import { isSkippedElement } from '../anchoring/text-index';

interface Stats {
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

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'menu', 'hgroup', 'search', 'br',
]);
/** How far above the best container other parts of the same article are looked for. */
const KIN_LEVELS = 2;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Never article text, whatever their classes say. */
const NOT_ARTICLE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'menu', 'dialog', 'select', 'search']);
const NOT_ARTICLE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'dialog', 'alertdialog', 'menu', 'menubar', 'search',
  'toolbar', 'tablist',
]);

// Class and id words. Distinctive ones match anywhere (relatedLinks, sharebar); short or common ones only as a whole
// word of the class ("ad" must not hit "header" or "read", "nav" must not hit "canvas").
const NEGATIVE_ANYWHERE =
  /comment|disqus|footer|sidebar|share|sharing|social|related|promo|sponsor|advert|newsletter|subscri|cookie|consent|gdpr|banner|breadcrumb|outbrain|taboola|masthead|navbar|navigation|popup|modal|widget|signup|paywall|trending|recirc|most-popular|mostpopular|more-from|also-read|skyscraper|shoutbox|rss/i;
const NEGATIVE_WORDS = new Set([
  'nav', 'menu', 'header', 'aside', 'ad', 'ads', 'adv', 'dfp', 'gpt', 'tags', 'tag', 'byline', 'dateline', 'meta',
  'signature', 'sig', 'author', 'bio', 'toolbar', 'footnote', 'pagination', 'pager', 'print', 'login', 'extra',
  'teaser', 'teasers', 'links', 'card', 'cards', 'rail',
]);
const CAPTION = /caption|credit/i;
const POSITIVE = /article|body|content|entry|hentry|main|post|story|text|blog|prose/i;
const POSITIVE_ATTRS = /articlebody|articletext|text-body/i;

const JUNK_TEXT =
  /^[-–—|•\s]*(?:advertisement|advertising|sponsored(?: content)?|ad|annonce|publicité|anzeige|story continues below(?: advertisement)?|continue reading(?: the main story)?|scroll to continue(?: with content)?)[-–—|•\s]*$/i;
/** Labels of boxes that point elsewhere ("People Also Read: ...", "Read More From ..."). */
const LEAD_IN =
  /^[[(]?\s*(?:people also (?:read|viewed|watched)|also read|read (?:more|also|next)|more from|related(?: (?:articles?|stories|coverage|content|links|news|posts?|reading))?|recommended(?: for you)?|you (?:may|might) (?:also )?like|see also|don'?t miss|must read|trending(?: now)?|most (?:read|popular|viewed)|more (?:stories|news|on this(?: story)?)|top stories|editor'?s picks|lire aussi|à lire aussi|voir aussi)\b/i;
const FORM_TEXT =
  /^(?:please enter your (?:comment|name|email)|leave a (?:reply|comment)|post a comment|add a comment|cancel reply|this site uses akismet|save my name, email|sign up|subscribe|share (?:this|on)|follow us|click here to)/i;

const words = (value: string) => value.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase());

function hints(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

function isNegative(el: Element): boolean {
  const value = hints(el);
  if (value.length <= 1) return false;
  return NEGATIVE_ANYWHERE.test(value) || words(value).some((w) => NEGATIVE_WORDS.has(w));
}

function isPositive(el: Element): boolean {
  return POSITIVE.test(hints(el))
    || POSITIVE_ATTRS.test(`${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('property') ?? ''}`);
}

function classWeight(el: Element): number {
  const itemprop = `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('property') ?? ''}`;
  let weight = POSITIVE_ATTRS.test(itemprop) ? 50 : 0;
  if (isNegative(el)) weight -= 25;
  if (POSITIVE.test(hints(el))) weight += 25;
  return weight;
}

function tagWeight(name: string): number {
  if (name === 'div' || name === 'article' || name === 'main') return 5;
  if (name === 'pre' || name === 'td' || name === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(name)) return -3;
  if (HEADINGS.has(name) || name === 'th') return -5;
  return 0;
}

function isHiddenInline(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements that can never hold article text: not measured, not descended into. */
function isNotArticle(el: Element): boolean {
  const name = el.localName;
  if (NOT_ARTICLE_TAGS.has(name) && name !== 'form') return true; // whole pages sit in one ASP.NET <form>
  const role = el.getAttribute('role');
  return (!!role && NOT_ARTICLE_ROLES.has(role)) || el.getAttribute('aria-modal') === 'true';
}

/** One bottom-up pass over `root`'s subtree. */
function measure(root: Element, skip: (el: Element) => boolean): Map<Element, Stats> {
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

function countCommas(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001) count++;
  }
  return count;
}

const linkDensity = (s: Stats) => (s.text ? s.links / s.text : 0);

/**
 * The element(s) holding the article body, in page order; [] when the page has no article (a front page, a search
 * page). Reads the live DOM and changes nothing.
 */
export function findArticleRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const stats = measure(body, isNotArticle);

  // Paragraphs vote for their ancestors: the parent gets the full score, the grandparent half, then a third per level.
  const candidates: Element[] = [];
  for (const [el, s] of stats) {
    const name = el.localName;
    if (s.inline < 25 || HEADINGS.has(name) || !BLOCK.has(name) || name === 'li' || name === 'dt') continue;
    if (s.links / Math.max(1, s.inline) > 0.5) continue;
    const score = 1 + s.commas + Math.min(Math.floor(s.inline / 100), 3);
    let ancestor = el.parentElement;
    for (let level = 0; ancestor && level < 5; level++, ancestor = ancestor.parentElement) {
      const a = stats.get(ancestor);
      if (!a) break;
      if (!a.scored) {
        a.scored = true;
        a.score = tagWeight(ancestor.localName) + classWeight(ancestor);
        candidates.push(ancestor);
      }
      a.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    }
  }
  for (const el of candidates) stats.get(el)!.score *= 1 - linkDensity(stats.get(el)!);
  candidates.sort((a, b) => stats.get(b)!.score - stats.get(a)!.score);
  let top = candidates[0];
  if (!top) return [];
  const scoreOf = (el: Element | null) => (el ? (stats.get(el)?.scored ? stats.get(el)!.score : 0) : 0);

  // Bodies split over several containers: climb to an ancestor shared by most of the runners-up.
  const runnersUp = candidates.slice(1, 6).filter((c) => scoreOf(c) >= scoreOf(top!) * 0.75);
  if (runnersUp.length >= 3) {
    for (let parent = top.parentElement; parent && parent !== body; parent = parent.parentElement) {
      if (runnersUp.filter((c) => parent!.contains(c)).length >= 3) {
        top = parent;
        break;
      }
    }
  }
  // A parent that scores better than the winner holds more of the article.
  let lastScore = scoreOf(top);
  for (let parent = top.parentElement; parent && parent !== body; parent = parent.parentElement) {
    if (!stats.get(parent)?.scored) continue;
    if (scoreOf(parent) < scoreOf(top) / 3) break;
    if (scoreOf(parent) > lastScore) {
      top = parent;
      break;
    }
    lastScore = scoreOf(parent);
  }
  while (top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1
    && stats.has(top.parentElement)) top = top.parentElement;

  const roots = withKin([top, ...likeSiblings(top, stats, scoreOf)], stats, body);
  return hasArticleProse(roots, stats) ? roots : [];
}

const inDocumentOrder = (a: Element, b: Element) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1);

/** A paragraph of running text: long enough, mostly unlinked, ending like a sentence. */
function isProse(el: Element, s: Stats): boolean {
  const name = el.localName;
  if (!BLOCK.has(name) || HEADINGS.has(name) || name === 'figcaption' || s.inline < 40) return false;
  if (s.links / s.inline >= 0.3 || CAPTION.test(hints(el))) return false;
  return s.inline >= 120 || /[.!?…]['"”’»)]*$/.test((el.textContent ?? '').trim());
}

/**
 * Articles split over containers (an intro box, then the body; "story-body-1" and "story-body-2" around an ad): prose
 * paragraphs near the chosen roots, outside any negative box, join them. A container that already holds a root
 * replaces it.
 */
function withKin(roots: Element[], stats: Map<Element, Stats>, body: Element): Element[] {
  let scope = roots[0]!.parentElement;
  for (let level = 1; level < KIN_LEVELS && scope?.parentElement && scope.parentElement !== body; level++) {
    scope = scope.parentElement;
  }
  const chosen = new Set(roots);
  if (scope && scope !== body) {
    const stack = Array.from(scope.children);
    while (stack.length) {
      const el = stack.pop()!;
      const s = stats.get(el);
      if (!s || chosen.has(el) || isNegative(el)) continue;
      if (!isProse(el, s)) stack.push(...Array.from(el.children));
      else if (!el.closest('a') && !isTeaser(el.parentElement!, stats)) chosen.add(el.parentElement!);
    }
  }
  return Array.from(chosen)
    .filter((el) => !Array.from(chosen).some((other) => other !== el && other.contains(el)))
    .sort(inDocumentOrder);
}

/** A story teaser: a blurb beside a linked headline ("Other Opinion Columns", "More stories"). */
function isTeaser(container: Element, stats: Map<Element, Stats>): boolean {
  return Array.from(container.querySelectorAll('h1, h2, h3, h4, h5, h6')).some((heading) => {
    const s = stats.get(heading);
    return !!s && s.links > s.text / 2;
  });
}

const firstClass = (el: Element) => (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';

/** Siblings that continue the article (Readability's sibling rule). */
function likeSiblings(top: Element, stats: Map<Element, Stats>, scoreOf: (el: Element) => number): Element[] {
  const parent = top.parentElement;
  if (!parent) return [];
  const threshold = Math.max(10, scoreOf(top) * 0.2);
  const kind = firstClass(top);
  const found: Element[] = [];
  for (const sibling of Array.from(parent.children)) {
    const s = stats.get(sibling);
    if (sibling === top || !s || !s.text || isNegative(sibling)) continue;
    const bonus = sibling.getAttribute('class') && sibling.getAttribute('class') === top.getAttribute('class')
      ? scoreOf(top) * 0.2 : 0;
    if (s.scored && scoreOf(sibling) + bonus >= threshold && linkDensity(s) < 0.5) found.push(sibling);
    // Items of a list article ("buzz_superlist_item"), some of them a heading and a picture only.
    else if (kind && firstClass(sibling) === kind && linkDensity(s) < 0.3) found.push(sibling);
    else if (sibling.localName === 'p') {
      const text = (sibling.textContent ?? '').trim();
      if ((s.text > 80 && linkDensity(s) < 0.25) || (s.text <= 80 && s.links === 0 && /\.( |$)/.test(text))) {
        found.push(sibling);
      }
    }
  }
  return found;
}

/**
 * A front page's best container is a grid of teasers: short blurbs under linked headlines. An article has running
 * prose: paragraphs of real length that together read like a story. Related-story boxes inside an article do not
 * count as teasers (their classes say what they are).
 */
function hasArticleProse(roots: Element[], stats: Map<Element, Stats>): boolean {
  let prose = 0;
  let paragraphs = 0;
  let teasers = 0;
  const stack = [...roots];
  while (stack.length) {
    const el = stack.pop()!;
    const s = stats.get(el);
    if (!s || (!roots.includes(el) && (isNegative(el) || isNotArticle(el)))) continue;
    const name = el.localName;
    if (HEADINGS.has(name) && s.links > s.text / 2) teasers++;
    else if (s.inline >= 80 && s.links / s.inline < 0.3 && BLOCK.has(name)) {
      prose += s.inline;
      paragraphs++;
    }
    stack.push(...Array.from(el.children));
  }
  // One long block of <br>-separated text is an article too.
  if (prose < 300 || (paragraphs < 2 && prose < 800)) return false;
  return teasers < 8 || prose / teasers > 400;
}

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
  // The headline restates the lede; Readability drops it as well.
  if (name === 'h1') return true;
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
