/**
 * The Markdown export as an mdast syntax tree. Everything the reader or the page wrote goes in as `text` nodes, so the
 * serializer escapes it: a quote or note can never turn into a heading, a link, raw HTML or end its blockquote early.
 */
import type { BlockContent, Heading, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { CLAIM_STATUSES, countByStatus, quoteSelectorOf, verdictOf, type Claim, type PageRecord } from '../model';
import { textFragmentUrl } from './text-fragment';
import { hasContent, type ExportPage } from './types';
import { isWebUrl } from './web-url';

export const DEFAULT_TITLE = 'Claims';
export const QUOTE_LINK_TEXT = 'Show on page';

/** Control characters (other than tab and line feed) have no place in text and some parsers mangle them. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** One line of text: titles, quotes, link labels. */
export function singleLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

/**
 * A note's paragraphs (split at blank lines), each a list of lines. Indentation is dropped: in Markdown it would make
 * a code block, and in a note it carries no meaning.
 */
export function noteParagraphs(note: string): string[][] {
  return clean(note)
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/** A link when the URL is http(s), else the label and URL as plain text. */
function linkOrText(url: string, label: string): PhrasingContent[] {
  if (isWebUrl(url)) return [{ type: 'link', url, children: [text(label || url)] }];
  return [text(label && label !== url ? `${label} (${url})` : url)];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function countsLine(claims: readonly Claim[]): string {
  const counts = countByStatus(claims);
  const parts = CLAIM_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return `${plural(claims.length, 'claim', 'claims')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** `2024-05-01 14:03 UTC`: one fixed zone, so the same export reads the same wherever it is opened. */
export function formatExportDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function headNodes(pages: readonly ExportPage[], title: string, exportedAt: Date): RootContent[] {
  const claims = pages.reduce((n, p) => n + p.claims.length, 0);
  const pageCount = pages.filter(hasContent).length;
  return [
    { type: 'heading', depth: 1, children: [text(singleLine(title) || DEFAULT_TITLE)] },
    paragraph(
      text(
        `Exported ${formatExportDate(exportedAt)} from Claimlens: ${plural(claims, 'claim', 'claims')}` +
          ` on ${plural(pageCount, 'page', 'pages')}.`,
      ),
    ),
  ];
}

/**
 * What the reader typed (a note, the page verdict) as paragraphs of text, the first led by a bold label: line breaks
 * stay, and nothing in it becomes Markdown.
 */
function typedText(label: string, typed: string): Paragraph[] {
  return noteParagraphs(typed).map((lines, i) => {
    const children: PhrasingContent[] = i === 0 ? [strong(label), text(' ')] : [];
    lines.forEach((line, j) => {
      if (j > 0) children.push({ type: 'break' });
      children.push(text(line));
    });
    return paragraph(...children);
  });
}

/** The page's heading, its site and counts, then the reader's verdict on the whole page when there is one. */
export function pageNodes(page: PageRecord, claims: readonly Claim[]): RootContent[] {
  const title = singleLine(page.title);
  const heading: Heading = { type: 'heading', depth: 2, children: linkOrText(page.url, title || page.url) };
  const site = singleLine(page.site);
  return [
    heading,
    paragraph(text(`${site ? `${site} · ` : ''}${countsLine(claims)}`)),
    ...typedText('Verdict:', verdictOf(page) ?? ''),
  ];
}

function evidenceItem(url: string, title: string | undefined): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(...linkOrText(url, singleLine(title ?? '')))] };
}

export function claimNodes(claim: Claim, pageUrl: string): RootContent[] {
  const quote = singleLine(claim.exact);
  const nodes: BlockContent[] = [{ type: 'blockquote', children: [paragraph(text(quote))] }];

  const status = paragraph(strong('Status:'), text(` ${claim.status}`));
  if (quote && isWebUrl(pageUrl)) {
    const selector = quoteSelectorOf(claim.selectors);
    const href = textFragmentUrl(pageUrl, quote, { prefix: selector?.prefix, suffix: selector?.suffix });
    status.children.push(text(' · '), { type: 'link', url: href, children: [text(QUOTE_LINK_TEXT)] });
  }
  nodes.push(status);

  nodes.push(...typedText('Note:', claim.note));

  if (claim.evidence.length) {
    nodes.push(paragraph(strong('Evidence:')));
    nodes.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: claim.evidence.map((e) => evidenceItem(e.url, e.title)),
    });
  }
  return nodes;
}
