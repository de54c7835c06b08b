// The team server's one SQLite file (Node 22's built-in node:sqlite): the members with their hashed tokens, and
// each shared document as the Yjs update that encodes its whole state (written by @hocuspocus/extension-database).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { isTeamId } from '../lib/team/doc-names';

export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Member {
  team: string;
  name: string;
  role: Role;
  /** ISO 8601 time the member was added. */
  created: string;
}

export type TokenLookup =
  { state: 'member'; member: Member } | { state: 'removed'; member: Member } | { state: 'unknown' };

export const DATABASE_FILE = 'claimlens-team.sqlite';
const NAME_MAX = 100;

/** Bad input from the command line or a caller: the message is for the person who typed it. */
export class InputError extends Error {}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function checkTeam(team: string | undefined): string {
  if (team === undefined || team === '') throw new InputError('--team is required.');
  if (!isTeamId(team)) {
    throw new InputError(`Team id ${JSON.stringify(team)} is not valid: use 1 to 64 of a-z, 0-9 and "-".`);
  }
  return team;
}

export function checkName(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') throw new InputError('--name is required.');
  if (trimmed.length > NAME_MAX) throw new InputError(`A name has at most ${NAME_MAX} characters.`);
  // Control characters would garble `member list` and the server's log.
  if (/\p{Cc}/u.test(trimmed)) throw new InputError('A name may not contain control characters.');
  return trimmed;
}

export function checkRole(role: string | undefined): Role {
  if (role === undefined || role === '') throw new InputError('--role is required (editor or viewer).');
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new InputError(`Role ${JSON.stringify(role)} is not valid: use editor or viewer.`);
  }
  return role as Role;
}

interface MemberRow {
  team: string;
  name: string;
  role: Role;
  created: string;
  removed: string | null;
}

export class TeamStore {
  private readonly db: DatabaseSync;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    // WAL and a busy timeout: `member add` may write while the server reads and stores documents.
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS members (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
        token_sha256 TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        removed TEXT
      );
      CREATE UNIQUE INDEX IF NOT EXISTS members_current ON members (team, name) WHERE removed IS NULL;
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated TEXT NOT NULL
      );
    `);
  }

  /** Adds a member and returns their token (32 random bytes, base64url); only its SHA-256 is kept. */
  addMember(input: { team: string; name: string; role: string }): { member: Member; token: string } {
    const team = checkTeam(input.team);
    const name = checkName(input.name);
    const role = checkRole(input.role);
    const existing = this.db
      .prepare('SELECT 1 FROM members WHERE team = ? AND name = ? AND removed IS NULL')
      .get(team, name);
    if (existing) throw new InputError(`Team ${team} already has a member named ${JSON.stringify(name)}.`);
    const token = randomBytes(32).toString('base64url');
    const created = new Date().toISOString();
    this.db
      .prepare('INSERT INTO members (team, name, role, token_sha256, created) VALUES (?, ?, ?, ?, ?)')
      .run(team, name, role, hashToken(token), created);
    return { member: { team, name, role, created }, token };
  }

  /** Current members, by team then name; never their tokens. */
  listMembers(team?: string): Member[] {
    const rows = (team === undefined
      ? this.db.prepare('SELECT team, name, role, created FROM members WHERE removed IS NULL ORDER BY team, name').all()
      : this.db
          .prepare('SELECT team, name, role, created FROM members WHERE removed IS NULL AND team = ? ORDER BY name')
          .all(checkTeam(team))) as unknown as Member[];
    return rows.map(({ team, name, role, created }) => ({ team, name, role, created }));
  }

  /**
   * Removes a member: their token stops working at their next connection. The row stays, marked removed, so the
   * server can tell a removed token from a wrong one.
   */
  removeMember(team: string, name: string): void {
    const result = this.db
      .prepare('UPDATE members SET removed = ? WHERE team = ? AND name = ? AND removed IS NULL')
      .run(new Date().toISOString(), checkTeam(team), checkName(name));
    if (result.changes === 0) throw new InputError(`Team ${team} has no member named ${JSON.stringify(name)}.`);
  }

  lookupToken(token: string): TokenLookup {
    return this.lookupTokenHash(hashToken(token));
  }

  lookupTokenHash(tokenSha256: string): TokenLookup {
    const row = this.db
      .prepare('SELECT team, name, role, created, removed FROM members WHERE token_sha256 = ?')
      .get(tokenSha256) as MemberRow | undefined;
    if (!row) return { state: 'unknown' };
    const member: Member = { team: row.team, name: row.name, role: row.role, created: row.created };
    return row.removed === null ? { state: 'member', member } : { state: 'removed', member };
  }

  fetchDocument(name: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
      { state: Uint8Array } | undefined;
    return row ? row.state : null;
  }

  storeDocument(name: string, state: Uint8Array): void {
    this.db
      .prepare(
        `INSERT INTO documents (name, state, updated) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated = excluded.updated`,
      )
      .run(name, state, new Date().toISOString());
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
