import { countByStatus, type Claim, type PageRecord, type StatusCounts } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_MAX_BACKUP_BYTES,
  DEFAULT_MAX_BACKUP_CLAIMS,
  tooLarge,
  type BackupEntry,
} from './format';
import { jsonErrorOffset } from './json-error';
import { formatIssues, formatPath, jsonErrorPosition } from './messages';
import { backupSchema, type ParsedBackup } from './schema';

export interface ParseBackupOptions {
  /** Larger files are refused; 200 MB when absent. */
  maxBytes?: number;
  /** Files with more claims are refused; 1,000,000 when absent. */
  maxClaims?: number;
}

export type BackupProblem =
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'not-text'
  | 'wrong-format'
  | 'future-version'
  | 'too-large'
  | 'too-many'
  | 'invalid';

export interface BackupCounts {
  pages: number;
  claims: number;
  byStatus: StatusCounts;
}

export type ParseBackupResult =
  | { ok: true; pages: BackupEntry[]; counts: BackupCounts; exportedAt: Date }
  | { ok: false; error: string; problem: BackupProblem };

const fail = (problem: BackupProblem, error: string): ParseBackupResult => ({ ok: false, problem, error });

/** UTF-8 length without encoding the whole text again. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export { tooLarge };

const locate = (text: string) => jsonErrorPosition(`position ${jsonErrorOffset(text)}`, text);

function notJson(text: string, error: unknown): ParseBackupResult {
  const message = error instanceof Error ? error.message : String(error);
  const trimmed = text.trimEnd();
  const at = jsonErrorPosition(message, text) ?? locate(text);
  const where = at ? ` at line ${at.line}, column ${at.column}` : '';
  const atEnd =
    /end of (JSON )?(input|data)/i.test(message) || (at?.offset !== undefined && at.offset >= trimmed.length);
  if (atEnd) {
    return fail(
      'truncated',
      `The file ends in the middle of the backup${where}: it was cut short, probably while` +
        ' being saved or copied. Use a complete copy of the backup.',
    );
  }
  const first = trimmed.trimStart()[0];
  if (first !== '{' && first !== '[') {
    return fail(
      'not-json',
      `This is not a Claimlens backup: it is not JSON (it starts with ${JSON.stringify(
        trimmed.trimStart().slice(0, 20),
      )}). Choose the .json file that "Back up" saved.`,
    );
  }
  return fail(
    'not-json',
    `The file is damaged: it is not valid JSON${where} (${message.replace(/\s*in JSON at.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '')}).`,
  );
}

function checkHeader(data: unknown): ParseBackupResult | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(
      'wrong-format',
      'This is not a Claimlens backup: expected a JSON object with "format": "claimlens-backup".',
    );
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    if ('@context' in data) {
      return fail(
        'wrong-format',
        'This is a JSON-LD export (Web Annotation or ClaimReview), not a backup. Choose the' +
          ' file that "Back up" saved.',
      );
    }
    return fail(
      'wrong-format',
      format === undefined
        ? 'This is not a Claimlens backup: it has no "format": "claimlens-backup" field.'
        : `This is not a Claimlens backup: its format is ${JSON.stringify(format)}, expected "claimlens-backup".`,
    );
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail(
      'future-version',
      `This backup was made by a newer Claimlens (version ${version}); update the` +
        ` extension to import it. This version reads backups up to version ${BACKUP_VERSION}.`,
    );
  }
  if (version !== BACKUP_VERSION) {
    return fail('wrong-format', `version: expected ${BACKUP_VERSION}, got ${JSON.stringify(version)}.`);
  }
  return undefined;
}

/** Counted before the schema is checked: checking a million claims is most of the time a refused file would take. */
function tooManyClaims(data: unknown, maxClaims: number): ParseBackupResult | undefined {
  const { pages } = data as { pages?: unknown };
  if (!Array.isArray(pages)) return undefined; // the schema says what is wrong
  let claims = 0;
  for (const page of pages as unknown[]) {
    const list = (page as { claims?: unknown } | null)?.claims;
    if (Array.isArray(list)) claims += list.length;
  }
  if (claims <= maxClaims) return undefined;
  return fail(
    'too-many',
    `The file holds ${claims.toLocaleString('en')} claims, more than the ${maxClaims.toLocaleString('en')}` +
      ' one import takes. Import a backup of fewer claims.',
  );
}

/** Checks that need the whole file: ids and page URLs must be unique for import to merge by them. */
function checkUnique(backup: ParsedBackup): string | undefined {
  const pages = new Map<string, number>();
  const claims = new Map<string, string>();
  const dismissals = new Map<string, string>();
  for (const [p, page] of backup.pages.entries()) {
    const firstPage = pages.get(page.url);
    if (firstPage !== undefined) {
      return `${formatPath(['pages', p, 'url'])}: the page ${JSON.stringify(page.url)} is already in pages[${firstPage}]`;
    }
    pages.set(page.url, p);
    for (const [c, claim] of page.claims.entries()) {
      const path = formatPath(['pages', p, 'claims', c]);
      const first = claims.get(claim.id);
      if (first !== undefined) return `${path}.id: duplicate claim id ${JSON.stringify(claim.id)} (also at ${first})`;
      claims.set(claim.id, path);
    }
    for (const [d, dismissal] of (page.dismissed ?? []).entries()) {
      const path = formatPath(['pages', p, 'dismissed', d]);
      const first = dismissals.get(dismissal.id);
      if (first !== undefined)
        return `${path}.id: duplicate dismissal id ${JSON.stringify(dismissal.id)} (also at ${first})`;
      dismissals.set(dismissal.id, path);
    }
  }
  return undefined;
}

function toEntries(backup: ParsedBackup, exportedAt: number): BackupEntry[] {
  return backup.pages.map((p) => {
    const claims: Claim[] = p.claims.map((c) => ({
      id: c.id,
      pageUrl: p.url,
      selectors: c.selectors,
      exact: c.exact,
      origin: c.origin,
      status: c.status,
      note: c.note,
      evidence: c.evidence.map((e) => (e.title === undefined ? { url: e.url } : { url: e.url, title: e.title })),
      ...(c.score === undefined ? {} : { score: c.score }),
      ...(c.cues === undefined ? {} : { cues: c.cues }),
      createdAt: Date.parse(c.createdAt),
      updatedAt: Date.parse(c.updatedAt),
    }));
    // A loop, not Math.min(...times): a page with 100,000 claims would overflow the argument list.
    let earliest = claims.length ? Number.POSITIVE_INFINITY : exportedAt;
    let latest = claims.length ? Number.NEGATIVE_INFINITY : exportedAt;
    for (const c of claims) {
      earliest = Math.min(earliest, c.createdAt);
      latest = Math.max(latest, c.updatedAt);
    }
    const lastVisit = p.lastVisit ? Date.parse(p.lastVisit) : latest;
    const page: PageRecord = {
      url: p.url,
      title: p.title,
      site: p.site,
      firstVisit: p.firstVisit ? Date.parse(p.firstVisit) : earliest,
      lastVisit,
      counts: p.counts ?? countByStatus(claims),
      ...(p.verdict === undefined ? {} : { verdict: p.verdict }),
      // A verdict without its time is as old as the last visit: a verdict typed since wins the merge.
      ...(p.verdictUpdatedAt !== undefined
        ? { verdictUpdatedAt: Date.parse(p.verdictUpdatedAt) }
        : p.verdict !== undefined
          ? { verdictUpdatedAt: lastVisit }
          : {}),
    };
    if (!p.dismissed) return { page, claims };
    const dismissals = p.dismissed.map((d) => ({
      id: d.id,
      pageUrl: p.url,
      exact: d.exact,
      createdAt: Date.parse(d.createdAt),
    }));
    return { page, claims, dismissals };
  });
}

/**
 * Reads a backup file. Never throws: a file that is empty, cut short, not JSON, of another format or a newer version,
 * too large or wrong anywhere inside gives `ok: false` and a message naming the first problem and where it is.
 */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParseBackupResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BACKUP_BYTES;
  // A UTF-8 byte is at most one UTF-16 unit, so only texts near the limit need counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return fail('too-large', tooLarge(Math.max(text.length, utf8Length(text)), maxBytes)!);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // a byte order mark some editors add
  if (!body.trim()) return fail('empty', 'The file is empty. Choose the .json file that "Back up" saved.');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return notJson(body, error);
  }
  const header = checkHeader(data);
  if (header) return header;
  const many = tooManyClaims(data, options.maxClaims ?? DEFAULT_MAX_BACKUP_CLAIMS);
  if (many) return many;

  const parsed = backupSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return fail('invalid', formatIssues(parsed.error.issues));
  const duplicate = checkUnique(parsed.data);
  if (duplicate) return fail('invalid', duplicate);

  const exportedAt = Date.parse(parsed.data.exportedAt);
  const pages = toEntries(parsed.data, exportedAt);
  const all = pages.flatMap((p) => p.claims);
  return {
    ok: true,
    pages,
    counts: { pages: pages.length, claims: all.length, byStatus: countByStatus(all) },
    exportedAt: new Date(exportedAt),
  };
}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * `parseBackup` for the raw bytes of a file: refuses an oversized file before decoding it, and says so when the file
 * is compressed or not UTF-8 text rather than reporting it as damaged JSON.
 */
export function parseBackupBytes(bytes: Uint8Array, options: ParseBackupOptions = {}): ParseBackupResult {
  const large = tooLarge(bytes.length, options.maxBytes);
  if (large) return fail('too-large', large);
  if (startsWith(bytes, GZIP) || startsWith(bytes, ZIP)) {
    return fail('not-text', 'This file is compressed (zip or gzip). Extract the .json backup from it and import that.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      'not-text',
      'This is not a Claimlens backup: it is not a text file. Choose the .json file that' + ' "Back up" saved.',
    );
  }
  return parseBackup(text, options);
}
