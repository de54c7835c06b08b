import type { Selector } from '../anchoring/types';
import type { Claim, Dismissal } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupClaim,
  type BackupDismissal,
  type BackupEntry,
  type BackupFile,
  type BackupPage,
} from './format';

/** Epoch milliseconds as ISO-8601; only whole milliseconds survive the trip, so anything else is a bug upstream. */
function iso(ms: number, what: string): string {
  if (!Number.isSafeInteger(ms)) throw new Error(`${what} is ${ms}, not whole epoch milliseconds`);
  return new Date(ms).toISOString();
}

/** Keys in a fixed order, whatever order the stored object had them in, so the same data gives the same file. */
function selector(s: Selector): Selector {
  return s.type === 'TextQuoteSelector'
    ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix }
    : { type: s.type, start: s.start, end: s.end };
}

function backupClaim(claim: Claim, pageUrl: string): BackupClaim {
  const where = `claim ${claim.id}`;
  // The file nests claims under their page, so a claim filed under another page would come back moved.
  if (claim.pageUrl !== pageUrl) throw new Error(`${where} belongs to ${claim.pageUrl}, not to ${pageUrl}`);
  return {
    id: claim.id,
    exact: claim.exact,
    // A position whose end comes before its start (stored before claim:create refused them) is left out: the quote
    // still anchors the claim, and one such selector must not make the whole backup unimportable.
    selectors: claim.selectors.filter((s) => s.type !== 'TextPositionSelector' || s.end >= s.start).map(selector),
    status: claim.status,
    note: claim.note,
    evidence: claim.evidence.map((e) => (e.title === undefined ? { url: e.url } : { url: e.url, title: e.title })),
    origin: claim.origin,
    ...(claim.score === undefined ? {} : { score: claim.score }),
    ...(claim.cues === undefined ? {} : { cues: [...claim.cues] }),
    createdAt: iso(claim.createdAt, `${where}: createdAt`),
    updatedAt: iso(claim.updatedAt, `${where}: updatedAt`),
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || byCodeUnits(a.id, b.id);

function backupDismissal(d: Dismissal, pageUrl: string): BackupDismissal {
  if (d.pageUrl !== pageUrl) throw new Error(`dismissal ${d.id} belongs to ${d.pageUrl}, not to ${pageUrl}`);
  return { id: d.id, exact: d.exact, createdAt: iso(d.createdAt, `dismissal ${d.id}: createdAt`) };
}

function backupPage({ page, claims, dismissals }: BackupEntry): BackupPage {
  const sorted = [...claims].sort(byCreation);
  return {
    url: page.url,
    title: page.title,
    site: page.site,
    firstVisit: iso(page.firstVisit, `page ${page.url}: firstVisit`),
    lastVisit: iso(page.lastVisit, `page ${page.url}: lastVisit`),
    counts: { unreviewed: page.counts.unreviewed, sourced: page.counts.sourced, unsourced: page.counts.unsourced },
    ...(page.verdict === undefined ? {} : { verdict: page.verdict }),
    ...(page.verdictUpdatedAt === undefined
      ? {}
      : { verdictUpdatedAt: iso(page.verdictUpdatedAt, `page ${page.url}: verdictUpdatedAt`) }),
    claims: sorted.map((c) => backupClaim(c, page.url)),
    ...(dismissals ? { dismissed: [...dismissals].sort(byCreation).map((d) => backupDismissal(d, page.url)) } : {}),
  };
}

/**
 * The backup file for `pages`. Pages are ordered by URL and claims by creation time (then id), and keys always come
 * in the same order, so backing up, wiping, importing and backing up again gives the same file byte for byte.
 * Throws on data storage should never hold (a claim under the wrong page, a fractional time): a developer's error.
 */
export function serializeBackup(pages: readonly BackupEntry[], exportedAt: Date): string {
  const urls = new Set<string>();
  for (const { page } of pages) {
    if (urls.has(page.url)) throw new Error(`page ${page.url} is given twice`);
    urls.add(page.url);
  }
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    pages: [...pages].sort((a, b) => byCodeUnits(a.page.url, b.page.url)).map(backupPage),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
