import { foldForSearch } from '../storage/search';
import type { ClaimStatus } from '../storage/types';
import type { PanelClaim } from './panel-store';

export type StatusFilter = 'all' | ClaimStatus;

/** The claims the reader asked to see: one status or all, containing every word of the search (quote or note). */
export function visibleClaims(claims: readonly PanelClaim[], filter: StatusFilter, query: string): PanelClaim[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return claims.filter((claim) => {
    if (filter !== 'all' && claim.status !== filter) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch(`${claim.exact}\n${claim.note}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** The claim `step` places away from `current` in `list` (wrapping at neither end), or the first one. */
export function stepSelection(list: readonly PanelClaim[], current: string | null, step: number): string | null {
  if (list.length === 0) return null;
  const at = list.findIndex((c) => c.id === current);
  if (at === -1) return list[step < 0 ? list.length - 1 : 0]!.id;
  return list[Math.min(list.length - 1, Math.max(0, at + step))]!.id;
}
