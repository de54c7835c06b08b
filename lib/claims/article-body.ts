/**
 * Where the article is on a live page.
 *
 * Readability's approach without its cost: it clones and rewrites the document, which on a 1.6 MB front page takes
 * longer than a content script may block, and its result would still have to be mapped back to the live DOM. Here one
 * read-only pass measures every element (text, link text, commas), paragraphs vote for their ancestors as in
 * Readability, class/id hints and link density weigh the votes, and the winner plus its like siblings are the roots.
 */
import {
  BLOCK,
  CAPTION,
  HEADINGS,
  hints,
  isNegative,
  isNotArticle,
  linkDensity,
  measure,
  POSITIVE,
  POSITIVE_ATTRS,
  type Stats,
} from './element-stats';

export { findJunk, isJunkBlock } from './junk';

/** How far above the best container other parts of the same article are looked for. */
const KIN_LEVELS = 2;
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
  while (
    top.parentElement &&
    top.parentElement !== body &&
    top.parentElement.children.length === 1 &&
    stats.has(top.parentElement)
  )
    top = top.parentElement;

  const roots = withKin([top, ...likeSiblings(top, stats, scoreOf)], stats, body);
  return hasArticleProse(roots, stats) ? roots : [];
}

/** A plain loop: spreading 200,000 children into `push` overflows the call stack. */
function pushChildren(stack: Element[], el: Element): void {
  const children = el.children;
  for (let i = 0; i < children.length; i++) stack.push(children[i]!);
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
  // One look per container: an article of a thousand paragraphs in one parent must not search it a thousand times.
  const teasers = new Map<Element, boolean>();
  const teaser = (container: Element) => {
    let known = teasers.get(container);
    if (known === undefined) teasers.set(container, (known = isTeaser(container, stats)));
    return known;
  };
  if (scope && scope !== body) {
    const stack = Array.from(scope.children);
    while (stack.length) {
      const el = stack.pop()!;
      const s = stats.get(el);
      if (!s || chosen.has(el) || isNegative(el)) continue;
      if (!isProse(el, s)) pushChildren(stack, el);
      else if (!el.closest('a') && !teaser(el.parentElement!)) chosen.add(el.parentElement!);
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
    const bonus =
      sibling.getAttribute('class') && sibling.getAttribute('class') === top.getAttribute('class')
        ? scoreOf(top) * 0.2
        : 0;
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
  const stack = roots.slice();
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
    pushChildren(stack, el);
  }
  // One long block of <br>-separated text is an article too.
  if (prose < 300 || (paragraphs < 2 && prose < 800)) return false;
  return teasers < 8 || prose / teasers > 400;
}
