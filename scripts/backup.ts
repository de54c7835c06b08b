/**
 * `npm run backup -- validate FILE`: checks a backup file with the code the extension imports it with.
 * Prints `ok: N pages, M claims` and exits 0, or prints the problem and exits 1 (2 for a usage error).
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseBackupBytes, tooLarge, type ParseBackupResult } from '../lib/backup';

const USAGE = 'usage: npm run backup -- validate FILE';

export interface Output {
  write(text: string): unknown;
}

/** A backup file read and parsed; file-system problems become the same kind of message as format problems. */
export async function readBackupFile(path: string): Promise<ParseBackupResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, problem: 'not-text', error: 'This is a folder, not a backup file.' };
    // Refused before reading, so a huge file does not have to fit in memory first.
    const large = tooLarge(info.size);
    if (large) return { ok: false, problem: 'too-large', error: large };
    return parseBackupBytes(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, problem: 'not-text', error: `Cannot read the file: ${reason}.` };
  }
}

export async function main(
  args: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const [command, file, ...rest] = args;
  if (command !== 'validate' || !file || rest.length) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const result = await readBackupFile(file);
  if (!result.ok) {
    err.write(`${file}: ${result.error}\n`);
    return 1;
  }
  const { pages, claims } = result.counts;
  out.write(`ok: ${pages} ${pages === 1 ? 'page' : 'pages'}, ${claims} ${claims === 1 ? 'claim' : 'claims'}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
