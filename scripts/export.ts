/**
 * `npm run export -- FILE.json [--format md|jsonld|claimreview]`: converts a backup file to Markdown, W3C Web
 * Annotation JSON-LD or schema.org ClaimReview JSON-LD on stdout, with the code the extension exports with.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { inReadingOrder, toClaimReviews, toMarkdownChunks, toWebAnnotations, type ExportPage } from '../lib/export';
import { readBackupFile, type Output } from './backup';

const FORMATS = ['md', 'jsonld', 'claimreview'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run export -- FILE.json [--format ${FORMATS.join('|')}] [--title TITLE] [--author NAME]
  md           Markdown (default)
  jsonld       W3C Web Annotation collection (JSON-LD)
  claimreview  schema.org ClaimReview for judged claims (JSON-LD)`;

export async function main(
  args: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'md' },
        title: { type: 'string' },
        author: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (positionals.length !== 1 || !FORMATS.includes(format)) {
    err.write(`${FORMATS.includes(format) ? '' : `unknown format "${values.format}"\n`}${USAGE}\n`);
    return 2;
  }
  const [file] = positionals as [string];
  const backup = await readBackupFile(file);
  if (!backup.ok) {
    err.write(`${file}: ${backup.error}\n`);
    return 1;
  }
  const pages: ExportPage[] = backup.pages.map((p) => ({ page: p.page, claims: inReadingOrder(p.claims) }));
  if (format === 'md') {
    // The date of the backup: the export shows the claims as they were then.
    for (const chunk of toMarkdownChunks(pages, { title: values.title, exportedAt: backup.exportedAt }))
      out.write(chunk);
  } else if (format === 'jsonld') {
    out.write(`${JSON.stringify(toWebAnnotations(pages, { label: values.title }), null, 2)}\n`);
  } else {
    const author = values.author ? { name: values.author } : undefined;
    out.write(`${JSON.stringify(toClaimReviews(pages, { author }), null, 2)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader piping into `head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
