import type { RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown as serialize, type Options } from 'mdast-util-to-markdown';
import { createTextHandler } from './plain-text';
import { claimNodes, DEFAULT_TITLE, headNodes, pageNodes, singleLine } from './markdown-tree';
import { hasContent, type ExportPage } from './types';
import { yieldToEventLoop } from '../scheduling/yield';

export interface MarkdownOptions {
  /** The document's first heading; "Claims" when absent. */
  title?: string;
  exportedAt: Date;
}

export interface MarkdownProgressOptions extends MarkdownOptions {
  /** Called after each chunk with the number of claims written so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the export; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const SERIALIZE_OPTIONS: Options = {
  extensions: [gfmToMarkdown()],
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
  // `[url](url)` rather than `<url>`: some paste targets render only the first form as a link.
  resourceLink: true,
  // Dollar signs stay as written: a quote must read (and be searchable) exactly as on the page. CommonMark has no
  // math, and GitHub's `$...$` needs a closing `$` after a non-space, which currency amounts rarely give.
  handlers: { text: createTextHandler() },
};

/** Claims serialized per chunk: about 5 ms of work, so a chunk never holds the panel for a frame. */
const CLAIMS_PER_CHUNK = 50;

interface Section {
  nodes: RootContent[];
  claims: number;
}

function* sections(pages: readonly ExportPage[], options: MarkdownOptions): Generator<Section> {
  yield { nodes: headNodes(pages, options.title ?? DEFAULT_TITLE, options.exportedAt), claims: 0 };
  for (const { page, claims } of pages) {
    if (!hasContent({ page, claims })) continue;
    let nodes = pageNodes(page, claims);
    let count = 0;
    for (const claim of claims) {
      nodes.push(...claimNodes(claim, page.url));
      if (++count === CLAIMS_PER_CHUNK) {
        yield { nodes, claims: count };
        nodes = [];
        count = 0;
      }
    }
    if (nodes.length) yield { nodes, claims: count };
  }
}

/**
 * Serializing section by section gives the same text as serializing the whole tree (sections join with a blank line,
 * as flow content does, and no construct spans two sections), without ever holding the tree of a 10,000-claim export.
 */
function* textChunks(
  pages: readonly ExportPage[],
  options: MarkdownOptions,
): Generator<{ text: string; claims: number }> {
  let first = true;
  for (const section of sections(pages, options)) {
    const text = serialize({ type: 'root', children: section.nodes }, SERIALIZE_OPTIONS);
    yield { text: first ? text : `\n${text}`, claims: section.claims };
    first = false;
  }
}

/** The export in pieces whose concatenation is `toMarkdown`'s result. */
export function* toMarkdownChunks(pages: readonly ExportPage[], options: MarkdownOptions): Generator<string> {
  for (const chunk of textChunks(pages, options)) yield chunk.text;
}

export function toMarkdown(pages: readonly ExportPage[], options: MarkdownOptions): string {
  return Array.from(toMarkdownChunks(pages, options)).join('');
}

/** The whole document as one syntax tree; for tests and tools that want to transform it further. */
export function toMarkdownTree(pages: readonly ExportPage[], options: MarkdownOptions) {
  const children = Array.from(sections(pages, options), (s) => s.nodes).flat();
  return { type: 'root' as const, children };
}

export function serializeMarkdownTree(tree: ReturnType<typeof toMarkdownTree>): string {
  return serialize(tree, SERIALIZE_OPTIONS);
}

/** Time between yields: well under one frame, so the panel stays responsive during a large export. */
const SLICE_MS = 8;

/** `toMarkdown` for the panel: same result, built in slices with progress reports in between. */
export async function toMarkdownWithProgress(
  pages: readonly ExportPage[],
  options: MarkdownProgressOptions,
): Promise<string> {
  const total = pages.reduce((n, p) => n + p.claims.length, 0);
  const parts: string[] = [];
  let done = 0;
  let sliceStart = performance.now();
  options.onProgress?.(0, total);
  for (const chunk of textChunks(pages, options)) {
    options.signal?.throwIfAborted();
    parts.push(chunk.text);
    done += chunk.claims;
    if (performance.now() - sliceStart > SLICE_MS) {
      options.onProgress?.(done, total);
      await yieldToEventLoop(); // the panel paints the progress bar and handles clicks
      sliceStart = performance.now();
    }
  }
  options.signal?.throwIfAborted();
  options.onProgress?.(total, total);
  return parts.join('');
}

const MAX_SLUG_LENGTH = 60;

/** Lowercase ASCII words joined by `-`; letters of other scripts are kept, file-system-unsafe characters are not. */
export function slugify(text: string): string {
  return singleLine(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** `the-page-title.md` for one page, else `claims-YYYY-MM-DD.md` (the local date the reader sees). */
export function markdownFileName(pages: readonly ExportPage[], now: Date): string {
  const withContent = pages.filter(hasContent);
  const only = withContent.length === 1 ? withContent[0] : pages.length === 1 ? pages[0] : undefined;
  if (only) {
    const slug = slugify(only.page.title) || slugify(only.page.site);
    if (slug) return `${slug}.md`;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `claims-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.md`;
}
