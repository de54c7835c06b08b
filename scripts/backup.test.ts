// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePages } from '../lib/backup/sample-data';
import { serializeBackup } from '../lib/backup/serialize';
import { main } from './backup';

let dir: string;
let good: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimlens-backup-'));
  good = join(dir, 'good.json');
  await writeFile(good, serializeBackup(samplePages(3, 7), new Date(Date.UTC(2024, 5, 1))));
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

describe('npm run backup -- validate', () => {
  it('prints the counts of a good file', async () => {
    expect(await run('validate', good)).toEqual({ code: 0, out: 'ok: 3 pages, 7 claims\n', err: '' });
  });

  it('prints the problem of a bad file and exits 1', async () => {
    const bad = join(dir, 'future.json');
    await writeFile(bad, '{"format": "claimlens-backup", "version": 3, "pages": []}');
    const result = await run('validate', bad);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `${bad}: This backup was made by a newer Claimlens (version 3); update the extension to import it.` +
        ' This version reads backups up to version 1.\n',
    );
    expect(await run('validate', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no such file/),
    });
    expect(await run('validate', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/folder/) });
  });

  it('explains its usage', async () => {
    expect(await run()).toMatchObject({
      code: 2,
      err: expect.stringMatching(/usage: npm run backup -- validate FILE/),
    });
    expect(await run('check', good)).toMatchObject({ code: 2 });
  });

  it('runs from the command line without a stack trace', async () => {
    const bad = join(dir, 'cut.json');
    await writeFile(bad, '{"format": "claimlens-backup", "version": 1, "pag');
    const node = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args]);
    await expect(node('validate', good)).resolves.toMatchObject({ stdout: 'ok: 3 pages, 7 claims\n' });
    const failure = await node('validate', bad).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/cut short/) });
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
