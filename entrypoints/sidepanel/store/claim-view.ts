import { CLAIM_STATUSES, matchesWords, queryWords, type ClaimOrder, type ClaimStatus } from '@/lib/model';
import type { PanelClaim } from './panel-store';

export type StatusFilter = 'all' | ClaimStatus;

/**
 * The claims the reader asked to see, in the order asked for: one status or all, containing every word of the search
 * (quote or note). `claims` come in page order.
 */
export function visibleClaims(
  claims: readonly PanelClaim[],
  filter: StatusFilter,
  query: string,
  order: ClaimOrder = 'page',
): PanelClaim[] {
  const words = queryWords(query);
  const shown = claims.filter(
    (claim) => (filter === 'all' || claim.status === filter) && (words.length === 0 || matchesWords(claim, words)),
  );
  return orderClaims(shown, order);
}

/**
 * How check-worthy a claim looks: the finder's score; a claim the reader marked by hand outranks every suggestion
 * (they chose it), and a suggestion without a score (a quote or figure on a page in another language) ranks last.
 */
const worthiness = (claim: PanelClaim) => (claim.origin === 'manual' ? 2 : (claim.score ?? -1));

/** `claims` (in page order) in the reader's order; ties keep page order (the sort is stable). */
export function orderClaims(claims: readonly PanelClaim[], order: ClaimOrder): PanelClaim[] {
  if (order === 'check-worthy') return [...claims].sort((a, b) => worthiness(b) - worthiness(a));
  if (order === 'status') {
    const rank = (c: PanelClaim) => CLAIM_STATUSES.indexOf(c.status);
    return [...claims].sort((a, b) => rank(a) - rank(b));
  }
  return [...claims];
}

/** The claim `step` places away from `current` in `list` (wrapping at neither end), or the first one. */
export function stepSelection(list: readonly PanelClaim[], current: string | null, step: number): string | null {
  if (list.length === 0) return null;
  const at = list.findIndex((c) => c.id === current);
  if (at === -1) return list[step < 0 ? list.length - 1 : 0]!.id;
  return list[Math.min(list.length - 1, Math.max(0, at + step))]!.id;
}

/** The next claim after `current` (wrapping round) that still waits for a verdict, or null when none does. */
export function nextUnreviewed(list: readonly PanelClaim[], current: string | null): string | null {
  const at = list.findIndex((c) => c.id === current);
  for (let step = 1; step <= list.length; step++) {
    const claim = list[(at + step + list.length) % list.length]!;
    if (claim.status === 'unreviewed' && claim.anchored) return claim.id;
  }
  return null;
}
