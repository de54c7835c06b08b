// npm run server [-- --port N --data DIR]                  start the team server on 127.0.0.1
// npm run server -- member add --team T --name N --role editor|viewer [--data DIR]
// npm run server -- member list [--team T] [--data DIR]
// npm run server -- member remove --team T --name N [--data DIR]
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, TeamStore, checkName, checkTeam } from './store';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, startTeamServer, type RunningTeamServer } from './team-server';

export const USAGE = `Usage:
  npm run server [-- --port N] [--data DIR]        start the team server on 127.0.0.1 (default port ${DEFAULT_PORT})
  npm run server -- member add --team T --name N --role editor|viewer [--data DIR]
  npm run server -- member list [--team T] [--data DIR]
  npm run server -- member remove --team T --name N [--data DIR]
The data folder (default ${DEFAULT_DATA_DIR}) holds one SQLite file: members with hashed tokens, and the documents.`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Parses `--option value` pairs, all strings; every option also takes --data. */
function parse<K extends string>(args: string[], names: K[]): Partial<Record<K | 'data', string>> {
  const options: ParseArgsConfig['options'] = { data: { type: 'string' } };
  for (const name of names) options[name] = { type: 'string' };
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<
      Record<K | 'data', string>
    >;
  } catch (error) {
    // parseArgs's own message names the unknown or malformed option.
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

function openStore(values: { data?: string }): TeamStore {
  return new TeamStore(resolve(values.data ?? DEFAULT_DATA_DIR));
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InputError(`--port ${value} is not a port (0 to 65535).`);
  return port;
}

/** Runs a `member` subcommand against the data folder's database. */
export function runMemberCommand(args: string[], io: Output = consoleOutput): void {
  const [action, ...rest] = args;
  switch (action) {
    case 'add': {
      const values = parse(rest, ['team', 'name', 'role']);
      const store = openStore(values);
      try {
        const { member, token } = store.addMember({
          team: values.team ?? '',
          name: values.name ?? '',
          role: values.role ?? '',
        });
        io.out(`Added ${member.name} to team ${member.team} as ${member.role}.`);
        io.out('Their token follows; it is shown only this once (the server keeps only its SHA-256):');
        io.out(token);
      } finally {
        store.close();
      }
      return;
    }
    case 'list': {
      const values = parse(rest, ['team']);
      const team = values.team === undefined ? undefined : checkTeam(values.team);
      const store = openStore(values);
      try {
        const members = store.listMembers(team);
        if (members.length === 0) {
          io.out(team === undefined ? 'No members yet.' : `Team ${team} has no members.`);
          return;
        }
        io.out(['team', 'name', 'role', 'created'].join('\t'));
        for (const m of members) io.out([m.team, m.name, m.role, m.created].join('\t'));
      } finally {
        store.close();
      }
      return;
    }
    case 'remove': {
      const values = parse(rest, ['team', 'name']);
      const team = checkTeam(values.team);
      const name = checkName(values.name);
      const store = openStore(values);
      try {
        store.removeMember(team, name);
        io.out(`Removed ${name} from team ${team}: their token is refused from their next connection on.`);
      } finally {
        store.close();
      }
      return;
    }
    default:
      throw new InputError(
        action === undefined || action.startsWith('-')
          ? 'member needs add, list or remove right after it (member add --team T ...).'
          : `Unknown member command ${JSON.stringify(action)}.`,
      );
  }
}

export async function runServerCommand(args: string[], io: Output = consoleOutput): Promise<RunningTeamServer> {
  const values = parse(args, ['port']);
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const running = await startTeamServer({
    dataDir,
    port: parsePort(values.port),
    quiet: true,
  });
  const members = running.store.listMembers();
  const teams = new Set(members.map((m) => m.team)).size;
  io.out(`Claimlens team server on ${running.url}, data in ${dataDir}`);
  io.out(`${members.length} member(s) in ${teams} team(s).`);
  if (members.length === 0) io.out('Add one with: npm run server -- member add --team T --name N --role editor');
  return running;
}

async function main(argv: string[]): Promise<number> {
  const io = consoleOutput;
  try {
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (argv[0] === 'member') {
      runMemberCommand(argv.slice(1), io);
      return 0;
    }
    const running = await runServerCommand(argv, io);
    const stop = () => {
      io.out('Stopping: storing open documents…');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          io.err(`Could not stop cleanly: ${String(error)}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`Error: ${error.message}`);
      io.err('Run npm run server -- --help for the commands and options.');
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run only as the entry point, not when a test imports runMemberCommand.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
