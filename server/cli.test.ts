// @vitest-environment node
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMemberCommand, type Output } from './cli';
import { InputError, TeamStore } from './store';
import { CEILING_MS, connect, mapHas, storedDoc, tempDataDir } from './test-helpers';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.remove());

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

function member(...args: string[]) {
  const io = capture();
  runMemberCommand([...args, '--data', data.dir], io);
  return io;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run server -- ...` without npm: the same node command, in the project folder. */
function cli(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} still running after ${CEILING_MS} ms:\n${stdout}\n${stderr}`));
    }, CEILING_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('member commands', () => {
  it('adds a member and prints a fresh 32-byte base64url token as the last line, storing only its hash', () => {
    const { lines } = member('add', '--team', 'desk', '--name', 'Ann Lee', '--role', 'editor');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const second = member('add', '--team', 'desk', '--name', 'Bob', '--role', 'viewer').lines.at(-1);
    expect(second).not.toBe(token);

    const store = new TeamStore(data.dir);
    try {
      expect(store.lookupToken(token)).toMatchObject({ state: 'member', member: { name: 'Ann Lee', role: 'editor' } });
    } finally {
      store.close();
    }
    // The token itself is nowhere in the database file.
    expect(storedBytesContain(token)).toBe(false);
  });

  it('lists members without their tokens, for all teams or one', () => {
    const token = member('add', '--team', 'desk', '--name', 'Ann', '--role', 'editor').lines.at(-1)!;
    member('add', '--team', 'sports', '--name', 'Sam', '--role', 'viewer');
    const all = member('list').lines;
    expect(all[0]).toBe('team\tname\trole\tcreated');
    expect(all.slice(1).map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['desk', 'Ann', 'editor'],
      ['sports', 'Sam', 'viewer'],
    ]);
    expect(all.join('\n')).not.toContain(token);
    expect(
      member('list', '--team', 'sports')
        .lines.slice(1)
        .map((line) => line.split('\t')[1]),
    ).toEqual(['Sam']);
    expect(member('list', '--team', 'empty').lines).toEqual(['Team empty has no members.']);
  });

  it('removes a member: gone from the list, the token no longer a member’s, the name free again', () => {
    const token = member('add', '--team', 'desk', '--name', 'Ann', '--role', 'editor').lines.at(-1)!;
    member('remove', '--team', 'desk', '--name', 'Ann');
    expect(member('list').lines).toEqual(['No members yet.']);
    const store = new TeamStore(data.dir);
    try {
      expect(store.lookupToken(token).state).toBe('removed');
    } finally {
      store.close();
    }
    const again = member('add', '--team', 'desk', '--name', 'Ann', '--role', 'viewer').lines.at(-1);
    expect(again).not.toBe(token);
  });

  it('refuses bad input with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['add', '--team', 'Desk', '--name', 'A', '--role', 'editor'], /Team id "Desk" is not valid/],
      [['add', '--team', 'a/b', '--name', 'A', '--role', 'editor'], /Team id "a\/b" is not valid/],
      [['add', '--team', 'x'.repeat(65), '--name', 'A', '--role', 'editor'], /is not valid/],
      [['add', '--name', 'A', '--role', 'editor'], /--team is required/],
      [['add', '--team', 'desk', '--role', 'editor'], /--name is required/],
      [['add', '--team', 'desk', '--name', 'A'], /--role is required/],
      [['add', '--team', 'desk', '--name', 'A', '--role', 'admin'], /Role "admin" is not valid/],
      [['add', '--team', 'desk', '--name', 'A\u0007', '--role', 'editor'], /control characters/],
      [['add', '--team', 'desk', '--name', 'A', '--role', 'editor', '--colour', 'red'], /Unknown option '--colour'/],
      [['remove', '--team', 'desk', '--name', 'Nobody'], /no member named "Nobody"/],
      [['list', '--team', 'No Team'], /is not valid/],
      [['rename'], /Unknown member command "rename"/],
      [[], /member needs add, list or remove/],
    ];
    for (const [args, message] of cases) expect(() => member(...args), args.join(' ')).toThrow(message);
    member('add', '--team', 'desk', '--name', 'A', '--role', 'editor');
    expect(() => member('add', '--team', 'desk', '--name', 'A', '--role', 'viewer')).toThrow(
      new InputError('Team desk already has a member named "A".'),
    );
  });
});

/** Whether any file of the data folder (the database and its write-ahead log) holds the text. */
function storedBytesContain(text: string): boolean {
  return readdirSync(data.dir).some((file) => readFileSync(join(data.dir, file)).includes(text));
}

describe('npm run server', () => {
  it('adds a member from the command line (token last on stdout) and exits 1 with a message on bad input', async () => {
    const added = await cli([
      'member',
      'add',
      '--team',
      'desk',
      '--name',
      'Ann',
      '--role',
      'editor',
      '--data',
      data.dir,
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout.trimEnd().split('\n').at(-1)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const bad = await cli(['member', 'add', '--team', 'desk', '--name', 'Bo', '--role', 'boss', '--data', data.dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Error: Role "boss" is not valid: use editor or viewer.');
    expect(bad.stdout).toBe('');

    const badPort = await cli(['--port', 'http', '--data', data.dir]);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toContain('--port http is not a port');
  });

  it('serves members on 127.0.0.1 and stores open documents when stopped with SIGTERM', async () => {
    const token = member('add', '--team', 'desk', '--name', 'Ann', '--role', 'editor').lines.at(-1)!;
    const reader = member('add', '--team', 'desk', '--name', 'Bob', '--role', 'editor').lines.at(-1)!;
    let url: string | undefined;
    let started: () => void = () => {};
    const listening = new Promise<void>((resolve) => (started = resolve));
    let child: ReturnType<typeof spawn> | undefined;
    const run = cli(['--port', '0', '--data', data.dir], (stdout, process) => {
      child = process;
      url ??= /team server on (ws:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url) started();
    });
    await listening;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    const ann = connect({ url: url! }, 'desk/index', token);
    const bob = connect({ url: url! }, 'desk/index', reader);
    try {
      await ann.synced();
      ann.map.set('article', 'shared');
      await mapHas(bob.map, 'article');
    } finally {
      ann.provider.destroy();
      bob.provider.destroy();
    }
    child!.kill('SIGTERM');
    const stopped = await run;
    expect(stopped.code).toBe(0);
    expect(storedDoc(data.dir, 'desk/index')?.getMap('claims').get('article')).toBe('shared');
  });
});
