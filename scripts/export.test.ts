// @vitest-environment node
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleClaim, samplePage } from '../lib/backup/sample-data';
import { serializeBackup } from '../lib/backup/serialize';
import { toMarkdown } from '../lib/export/markdown';
import { main } from './export';

let dir: string;
let file: string;
const exportedAt = new Date(Date.UTC(2024, 5, 1));
// Stored out of reading order: the export puts them in page order.
const second = sampleClaim({
  id: 'b',
  exact: 'Second claim on the page.',
  status: 'sourced',
  createdAt: 1,
  selectors: [{ type: 'TextPositionSelector', start: 500, end: 525 }],
});
const first = sampleClaim({ id: 'a', status: 'unreviewed', createdAt: 2 });
const page = samplePage([second, first]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimlens-export-'));
  file = join(dir, 'backup.json');
  await writeFile(file, serializeBackup([page], exportedAt));
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

describe('npm run export', () => {
  it('writes Markdown by default, claims in reading order, dated by the backup', async () => {
    const result = await run(file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(toMarkdown([{ page: page.page, claims: [first, second] }], { exportedAt }));
  });

  it('writes Web Annotation and ClaimReview JSON-LD', async () => {
    const annotations = JSON.parse((await run(file, '--format', 'jsonld')).out);
    expect(annotations).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const reviews = JSON.parse((await run(file, '-f', 'claimreview', '--author', 'Desk')).out);
    expect(reviews['@graph']).toHaveLength(1);
    expect(reviews['@graph'][0]).toMatchObject({
      claimReviewed: 'Second claim on the page.',
      author: { name: 'Desk' },
    });
  });

  it('carries the page verdict into every format', async () => {
    const withVerdict = join(dir, 'verdict.json');
    const verdictAt = Date.UTC(2024, 4, 3);
    await writeFile(
      withVerdict,
      serializeBackup(
        [{ ...page, page: { ...page.page, verdict: 'Sound overall.', verdictUpdatedAt: verdictAt } }],
        exportedAt,
      ),
    );
    const markdown = (await run(withVerdict)).out;
    expect(markdown).toContain('\n\n**Verdict:** Sound overall.\n\n> ');
    const annotations = JSON.parse((await run(withVerdict, '--format', 'jsonld')).out);
    expect(annotations.total).toBe(3);
    expect(annotations.first.items[0]).toMatchObject({ motivation: 'assessing', target: { source: page.page.url } });
    const reviews = JSON.parse((await run(withVerdict, '-f', 'claimreview')).out);
    expect(reviews['@graph'][0]).toMatchObject({ reviewBody: 'Sound overall.', itemReviewed: { url: page.page.url } });
  });

  it('refuses a bad file with a message and exit code 1', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, 'not json');
    const result = await run(bad);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(/^.*bad\.json: This is not a Claimlens backup: it is not JSON/);
  });

  it('explains its usage', async () => {
    expect(await run()).toMatchObject({ code: 2, err: expect.stringMatching(/usage: npm run export/) });
    expect(await run(file, '--format', 'pdf')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown format "pdf"/),
    });
    expect(await run(file, '--colour')).toMatchObject({ code: 2 });
  });
});
