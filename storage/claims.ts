import type { ClaimlensDb } from './db';
import { countByStatus, type Claim, type Evidence, type PageRecord, type PageRef } from '../lib/model';

export function claimsOfPage(db: ClaimlensDb, url: string): Promise<Claim[]> {
  return db.claims.where('pageUrl').equals(url).toArray();
}

/**
 * Stores a claim and keeps its page record (title, visits, counts per status) in step, in one transaction: either
 * both are written or neither is.
 */
export async function saveClaim(db: ClaimlensDb, claim: Claim, page: PageRef, now = Date.now()): Promise<void> {
  if (claim.pageUrl !== page.url) throw new Error(`Claim ${claim.id} belongs to ${claim.pageUrl}, not ${page.url}`);
  await db.transaction('rw', db.pages, db.claims, async () => {
    await db.claims.put(claim);
    await refreshPage(db, page, now);
  });
}

export type ClaimPatch = Partial<Pick<Claim, 'status' | 'note' | 'evidence'>>;
/**
 * A patch, or a function that makes one from the claim as stored at the moment of writing (null: write nothing, the
 * claim stays as it is).
 */
export type ClaimChange = ClaimPatch | ((current: Claim) => ClaimPatch | null);

/**
 * Applies a reader's change to a claim, storing it first if this is the first time it is touched (a suggestion of the
 * finder). Read, decided and written inside one transaction, so two quick changes (a status, then a note; two evidence
 * links; two panels at once) can never overwrite each other: a function change sees the claim as stored right then.
 */
export async function judgeClaim(
  db: ClaimlensDb,
  base: Claim,
  change: ClaimChange,
  page: PageRef,
  now = Date.now(),
): Promise<Claim> {
  return db.transaction('rw', db.pages, db.claims, async () => {
    const current = await db.claims.get(base.id);
    const patch = typeof change === 'function' ? change(current ?? base) : change;
    if (patch === null) return current ?? base;
    // A local edit is always newer than what it changes, even when the stored time is ahead of this clock (an
    // import from a machine whose clock ran fast), so the edit wins the next merge.
    const next: Claim = current
      ? { ...current, ...patch, updatedAt: Math.max(now, current.updatedAt + 1) }
      : { ...base, ...patch, createdAt: now, updatedAt: now };
    if (next.pageUrl !== page.url) throw new Error(`Claim ${next.id} belongs to ${next.pageUrl}, not ${page.url}`);
    await db.claims.put(next);
    await refreshPage(db, page, now);
    return next;
  });
}

/** Adds a link to the evidence as stored when the write happens (a link already there is kept once). */
export const withEvidence =
  (link: Evidence) =>
  (current: Claim): ClaimPatch =>
    current.evidence.some((e) => e.url === link.url) ? {} : { evidence: [...current.evidence, link] };

/** Removes a link by its address from the evidence as stored when the write happens; other links stay. */
export const withoutEvidence =
  (url: string) =>
  (current: Claim): ClaimPatch => ({ evidence: current.evidence.filter((e) => e.url !== url) });

async function refreshPage(db: ClaimlensDb, page: PageRef, now: number): Promise<void> {
  const existing = await db.pages.get(page.url);
  const counts = countByStatus(await db.claims.where('pageUrl').equals(page.url).toArray());
  const record: PageRecord = {
    // What the claims do not decide (the page verdict) stays as stored.
    ...existing,
    url: page.url,
    title: page.title || existing?.title || page.url,
    site: page.site || existing?.site || new URL(page.url).hostname,
    firstVisit: existing?.firstVisit ?? now,
    lastVisit: now,
    counts,
  };
  await db.pages.put(record);
}

/** Deletes a claim; returns it so the reader can undo. */
export async function deleteClaim(
  db: ClaimlensDb,
  id: string,
  page: PageRef,
  now = Date.now(),
): Promise<Claim | undefined> {
  return db.transaction('rw', db.pages, db.claims, async () => {
    const current = await db.claims.get(id);
    if (!current) return undefined;
    await db.claims.delete(id);
    await refreshPage(db, { ...page, url: current.pageUrl }, now);
    return current;
  });
}
