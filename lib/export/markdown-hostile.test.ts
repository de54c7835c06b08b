/**
 * Whatever a page or a reader wrote must come out of the Markdown export as the same text: parsed back with a
 * CommonMark parser, it may not have become a heading, a link, an image, raw HTML, code or emphasis, nor have left
 * its blockquote.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { sampleClaim, samplePage } from '../backup/sample-data';
import { toMarkdown } from './markdown';
import { noteParagraphs, QUOTE_LINK_TEXT, singleLine } from './markdown-tree';
import { textFragmentUrl } from './text-fragment';

const HOSTILE = [
  '# Heading',
  '## Heading two',
  '###### six',
  '> quote',
  '>> nested',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '1) item',
  '- [ ] task',
  '[x](javascript:alert(1))',
  '[x](https://evil.example)',
  '<script>alert(1)</script>',
  '</blockquote><script>x</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- comment -->',
  '<https://evil.example>',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  'http://evil.example and www.evil.example',
  'mail@evil.example',
  '![img](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '[ref] and [ref][] and [^1]',
  '`code`',
  '``double `tick` ``',
  '```js\nfenced\n```',
  '~~~\nfence\n~~~',
  '    indented code',
  '\tTab indented',
  'a | b | c',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'line one\nline two',
  'text\n# heading after a break',
  'text\n> quote after a break',
  'text\n- list after a break',
  'text\n1. ordered after a break',
  ']] and ]]>',
  '[[wiki link]]',
  '---',
  '***',
  '___',
  'Setext\n===',
  'Setext\n---',
  '&lt;b&gt; &amp; &#x3C;script&#x3E;',
  'trailing backslash\\',
  'hard  \nbreak',
  '*emph* _emph_ **strong** __strong__',
  '~~strike~~ ~single~',
  '$5 billion and $3 billion',
  'nul\u0000char and \u001b escape',
  'windows\r\nline\rends',
  '<',
  '>',
  '\\',
  '\\#',
  'para one\n\n\npara two\n \n   para three',
  '  leading and trailing spaces  ',
  '-',
  '#',
  '+',
  '=',
  '|',
];

const LABELS = new Set(['Status:', 'Note:', 'Evidence:']);
/** Nodes no text of a page or a reader may turn into. */
const FORBIDDEN = [
  'html',
  'image',
  'imageReference',
  'linkReference',
  'definition',
  'code',
  'inlineCode',
  'thematicBreak',
  'emphasis',
  'delete',
  'footnoteReference',
  'table',
];
const EVIDENCE_OK = 'https://ok.example/evidence?q=(1)';

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return 'value' in node ? String(node.value) : '';
}

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) all(child, out);
  return out;
}

function render(value: string) {
  const pageUrl = 'https://news.example.com/a?id=1';
  const claim = sampleClaim({
    exact: value,
    note: value,
    evidence: [
      { url: 'javascript:alert(1)', title: value },
      { url: EVIDENCE_OK, title: value },
      { url: 'data:text/html,<script>alert(1)</script>' },
    ],
  });
  const page = samplePage([claim], { url: pageUrl, title: value, site: value });
  const markdown = toMarkdown([page], { title: value, exportedAt: new Date(Date.UTC(2024, 4, 1)) });
  return { markdown, tree: fromMarkdown(markdown), pageUrl, claim };
}

describe('Markdown export with hostile text', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('keeps %s as text', (_, value) => {
    const { markdown, tree, pageUrl, claim } = render(value);
    const nodes = all(tree);
    expect(
      nodes.filter((n) => FORBIDDEN.includes(n.type)).map((n) => n.type),
      markdown,
    ).toEqual([]);
    for (const n of nodes) if (n.type === 'strong') expect(LABELS.has(textOf(n)), markdown).toBe(true);

    // The document's shape is fixed whatever the text: nothing added, nothing swallowed.
    const line = singleLine(value);
    const note = noteParagraphs(value);
    const shape: Array<RootContent['type']> = [
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'blockquote',
      'paragraph',
      ...note.map(() => 'paragraph' as const),
      'paragraph',
      'list',
    ];
    expect(
      tree.children.map((c) => c.type),
      markdown,
    ).toEqual(shape);

    const [h1, , h2, siteLine, quote, status] = tree.children as Root['children'];
    expect(h1).toMatchObject({ depth: 1 });
    expect(textOf(h1!)).toBe(line || 'Claims');
    expect(h2).toMatchObject({ depth: 2 });
    expect(textOf(h2!)).toBe(line || pageUrl);
    expect(textOf(siteLine!)).toBe(`${line ? `${line} · ` : ''}1 claim: 1 unsourced`);

    // The quote stays one paragraph inside its blockquote.
    expect(quote!.type === 'blockquote' && quote.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(textOf(quote!)).toBe(line);
    expect(textOf(status!)).toBe(line ? `Status: unsourced · ${QUOTE_LINK_TEXT}` : 'Status: unsourced');

    const noteNodes = tree.children.slice(6, 6 + note.length);
    expect(noteNodes.map(textOf)).toEqual(note.map((lines, i) => `${i === 0 ? 'Note: ' : ''}${lines.join('\n')}`));

    // Only the links Claimlens made, all http(s): the page, the quote on the page, the one web evidence link.
    const links = nodes.filter((n) => n.type === 'link');
    const selector = claim.selectors[0]!.type === 'TextQuoteSelector' ? claim.selectors[0] : undefined;
    const expected = [pageUrl, ...(line ? [textFragmentUrl(pageUrl, line, selector)] : []), EVIDENCE_OK];
    expect(links.map((l) => l.url)).toEqual(expected);
    for (const link of links) expect(link.url).toMatch(/^https:\/\//);

    const list = tree.children.at(-1)!;
    expect(list.type === 'list' && list.children.map(textOf)).toEqual([
      line && line !== 'javascript:alert(1)' ? `${line} (javascript:alert(1))` : 'javascript:alert(1)',
      line || EVIDENCE_OK,
      'data:text/html,<script>alert(1)</script>',
    ]);
  });

  it('keeps dollar amounts as written but leaves no bare URL for autolinkers', () => {
    const { markdown } = render('$5 billion, see http://evil.example');
    // Inside a link label an autolink cannot start, so only text outside links needs the escape.
    expect(markdown).toContain('**Note:** $5 billion, see http\\://evil.example\n');
  });

  it('never links a page whose URL is not http(s)', () => {
    const page = samplePage([sampleClaim()], { url: 'javascript:alert(1)', title: 'Title' });
    const tree = fromMarkdown(toMarkdown([page], { exportedAt: new Date(0) }));
    expect(
      all(tree)
        .filter((n) => n.type === 'link')
        .map((n) => n.type === 'link' && n.url),
    ).toEqual(['https://stats.example.org/labour/2023']);
  });
});

describe('Markdown export with a hostile page verdict', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('keeps %s as text, as in a note', (_, value) => {
    const pageUrl = 'https://news.example.com/a?id=1';
    const page = samplePage([], { url: pageUrl, title: 'Title', site: 'Site', verdict: value });
    const markdown = toMarkdown([page], { exportedAt: new Date(0) });
    const tree = fromMarkdown(markdown);
    const nodes = all(tree);
    expect(
      nodes.filter((n) => FORBIDDEN.includes(n.type)).map((n) => n.type),
      markdown,
    ).toEqual([]);
    expect(nodes.filter((n) => n.type === 'strong').map(textOf)).toEqual(['Verdict:']);
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.type === 'link' && n.url)).toEqual([pageUrl]);

    const verdict = noteParagraphs(value);
    expect(
      tree.children.map((c) => c.type),
      markdown,
    ).toEqual(['heading', 'paragraph', 'heading', 'paragraph', ...verdict.map(() => 'paragraph' as const)]);
    expect(tree.children.slice(4).map(textOf)).toEqual(
      verdict.map((lines, i) => `${i === 0 ? 'Verdict: ' : ''}${lines.join('\n')}`),
    );
  });
});
