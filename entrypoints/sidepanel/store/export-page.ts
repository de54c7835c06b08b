import type { ExportPage } from '@/lib/export/types';
import { toStoredClaim } from '@/lib/claims/merge';
import { countByStatus, type Claim } from '@/lib/model';
import type { PanelState } from './panel-store';

/**
 * The page as the reader sees it in the panel, ready to export: every listed claim, the untouched suggestions
 * included (as unreviewed), with the reader's status and note where there is one.
 */
export function pageForExport(state: Pick<PanelState, 'page' | 'stored'>, now: number): ExportPage | null {
  const { page, stored } = state;
  if (!page) return null;
  const claims: Claim[] = page.claims.map((c) => stored.get(c.id) ?? toStoredClaim(c, page.page.url, now));
  return {
    page: {
      url: page.page.url,
      title: page.page.title,
      site: page.page.site,
      firstVisit: now,
      lastVisit: now,
      counts: countByStatus(claims),
    },
    claims,
  };
}
