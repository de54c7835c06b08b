/** A claim's verdict: what the reader decided about its sourcing. Written once; the type follows the list. */
export const CLAIM_STATUSES = ['unreviewed', 'sourced', 'unsourced'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type StatusCounts = Record<ClaimStatus, number>;

/** Claims per status: page records, exports and backups all count with this, so they can never disagree. */
export function countByStatus(claims: readonly { status: ClaimStatus }[]): StatusCounts {
  const counts: StatusCounts = { unreviewed: 0, sourced: 0, unsourced: 0 };
  for (const claim of claims) counts[claim.status] += 1;
  return counts;
}
