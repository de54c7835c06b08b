import type { ExportPage } from '@/lib/export/types';
import { toStoredClaim } from '@/lib/claims/merge';
import { countByStatus, type Claim } from '@/lib/model';
import type { PanelState } from './panel-store';

/** The page verdict the panel shows for the page in view: typed and not saved yet, else as stored. */
export function shownVerdict(state: Pick<PanelState, 'page' | 'storedVerdict' | 'verdictDrafts'>): {
  verdict: string;
  updatedAt?: number;
} {
  const url = state.page?.page.url;
  if (url === undefined) return { verdict: '' };
  const draft = state.verdictDrafts[url];
  if (draft !== undefined) return { verdict: draft };
  const stored = state.storedVerdict?.url === url ? state.storedVerdict : undefined;
  return { verdict: stored?.verdict ?? '', updatedAt: stored?.updatedAt };
}

/**
 * The page as the reader sees it in the panel, ready to export: every listed claim, the untouched suggestions
 * included (as unreviewed), with the reader's status and note where there is one, and the page verdict shown.
 */
export function pageForExport(
  state: Pick<PanelState, 'page' | 'stored' | 'storedVerdict' | 'verdictDrafts'>,
  now: number,
): ExportPage | null {
  const { page, stored } = state;
  if (!page) return null;
  const claims: Claim[] = page.claims.map((c) => stored.get(c.id) ?? toStoredClaim(c, page.page.url, now));
  const { verdict, updatedAt } = shownVerdict(state);
  return {
    page: {
      url: page.page.url,
      title: page.page.title,
      site: page.page.site,
      firstVisit: now,
      lastVisit: now,
      counts: countByStatus(claims),
      ...(verdict.trim() ? { verdict, verdictUpdatedAt: updatedAt ?? now } : {}),
    },
    claims,
  };
}
