/**
 * URL text fragments (https://wicg.github.io/scroll-to-text-fragment/): `page#:~:text=[prefix-,]start[,end][,-suffix]`
 * opens the page scrolled to, and highlighting, the quoted text.
 */

/**
 * Above this length a quote is linked as `textStart,textEnd` rather than in full; Chrome's own link generator uses the
 * same limit (kExactTextMaxChars), and it keeps links to long quotes short enough to paste.
 */
const EXACT_MAX_CHARS = 300;
/** Words kept at each end of a long quote; enough to be unique on a news page in practice. */
const RANGE_WORDS = 5;
/**
 * A quote this short (in words) is likely to occur more than once on a page, so words of the text around it are added
 * as `prefix-` and `-suffix`. Longer quotes go without: context that differs from what the browser renders (an inline
 * footnote marker, say) would make the whole directive fail, which costs more than an ambiguous but working link.
 */
const CONTEXT_BELOW_WORDS = 5;
const CONTEXT_WORDS = 3;

export interface FragmentContext {
  /** Text just before the quote, as in the claim's TextQuoteSelector. */
  prefix?: string;
  /** Text just after the quote. */
  suffix?: string;
}

/**
 * Percent-encodes a text directive term. Besides what `encodeURIComponent` encodes, `-` must be encoded because it
 * marks prefix and suffix; `&` and `,` (the other delimiters) already are. `!'()*` are allowed by the spec but encoded
 * too: Markdown renderers and chat apps that auto-link bare URLs end a link at `)` or `*`. Lone surrogates, which
 * would make `encodeURIComponent` throw, become U+FFFD.
 */
export function encodeTextDirective(term: string): string {
  return encodeURIComponent(toWellFormed(term)).replace(
    /[-!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Whole words of the same block (the text index breaks blocks with `\n`) nearest to the quote. */
function prefixWords(prefix: string): string[] {
  const lineBreak = prefix.lastIndexOf('\n');
  const line = lineBreak >= 0 ? prefix.slice(lineBreak + 1) : prefix;
  const found = words(line);
  // The selector's prefix is cut at a fixed length, so its first word may be a fragment.
  if (lineBreak < 0 && !/^\s/.test(line)) found.shift();
  return found.slice(-CONTEXT_WORDS);
}

function suffixWords(suffix: string): string[] {
  const lineBreak = suffix.indexOf('\n');
  const line = lineBreak >= 0 ? suffix.slice(0, lineBreak) : suffix;
  const found = words(line);
  if (lineBreak < 0 && !/\s$/.test(line)) found.pop();
  return found.slice(0, CONTEXT_WORDS);
}

/** The `text=` directive value for a quote, already percent-encoded. */
export function textDirective(quote: string, context: FragmentContext = {}): string | undefined {
  const exact = quote.replace(/\s+/g, ' ').trim();
  if (!exact) return undefined;
  const quoteWords = words(exact);
  const terms: string[] = [];
  if (quoteWords.length < CONTEXT_BELOW_WORDS) {
    const before = prefixWords(context.prefix ?? '');
    if (before.length) terms.push(`${encodeTextDirective(before.join(' '))}-`);
  }
  if (exact.length > EXACT_MAX_CHARS && quoteWords.length >= 2 * RANGE_WORDS) {
    terms.push(encodeTextDirective(quoteWords.slice(0, RANGE_WORDS).join(' ')));
    terms.push(encodeTextDirective(quoteWords.slice(-RANGE_WORDS).join(' ')));
  } else {
    terms.push(encodeTextDirective(exact));
  }
  if (quoteWords.length < CONTEXT_BELOW_WORDS) {
    const after = suffixWords(context.suffix ?? '');
    if (after.length) terms.push(`-${encodeTextDirective(after.join(' '))}`);
  }
  return terms.join(',');
}

/**
 * A link that opens `pageUrl` scrolled to `quote`. Any fragment the URL had is replaced (a `#section` would only
 * compete with the quote for the scroll position). Browsers without text fragment support just open the page.
 */
export function textFragmentUrl(pageUrl: string, quote: string, context?: FragmentContext): string {
  const hash = pageUrl.indexOf('#');
  const base = hash >= 0 ? pageUrl.slice(0, hash) : pageUrl;
  const directive = textDirective(quote, context);
  return directive ? `${base}#:~:text=${directive}` : base;
}
