import { matchesWords, queryWords, type ClaimStatus } from '@/lib/model';
import type { PanelClaim } from './panel-store';

export type StatusFilter = 'all' | ClaimStatus;

/** The claims the reader asked to see: one status or all, containing every word of the search (quote or note). */
export function visibleClaims(claims: readonly PanelClaim[], filter: StatusFilter, query: string): PanelClaim[] {
  const words = queryWords(query);
  return claims.filter(
    (claim) => (filter === 'all' || claim.status === filter) && (words.length === 0 || matchesWords(claim, words)),
  );
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
