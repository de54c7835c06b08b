import type { Selector } from '../anchoring/types';
import type { Cue } from '../claims/types';
import type { ClaimStatus, StatusCounts } from './status';

/** `auto`: suggested by the claim finder; `manual`: marked by the reader. */
export type ClaimOrigin = 'auto' | 'manual';

export interface Evidence {
  url: string;
  title?: string;
}

export interface Claim {
  /** UUID. */
  id: string;
  /** Normalized page URL (see lib/url). */
  pageUrl: string;
  selectors: Selector[];
  /** The quoted text, whitespace-collapsed, as the reader saw it. */
  exact: string;
  origin: ClaimOrigin;
  status: ClaimStatus;
  note: string;
  evidence: Evidence[];
  /** The finder's check-worthiness score and cues; absent for manual claims. */
  score?: number;
  cues?: Cue[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

/** Which page a claim is filed under, as the reader saw it: enough to create or refresh its page record. */
export interface PageRef {
  /** Normalized URL (see lib/url). */
  url: string;
  title: string;
  site: string;
}

export interface PageRecord extends PageRef {
  firstVisit: number;
  lastVisit: number;
  counts: StatusCounts;
  /** The reader's overall assessment of the page (the page verdict), as typed; absent when there is none. */
  verdict?: string;
  /**
   * Epoch milliseconds of the verdict's last change, so merges keep the newest. Kept when the verdict is cleared, so
   * an older verdict from a backup does not come back.
   */
  verdictUpdatedAt?: number;
}

/** The longest page verdict kept: the panel's field stops there, and a backup file with a longer one is refused. */
export const MAX_VERDICT_LENGTH = 20_000;

/** The page's verdict when there is one worth showing or exporting (not only blanks). */
export function verdictOf(page: Pick<PageRecord, 'verdict'>): string | undefined {
  return page.verdict?.trim() ? page.verdict : undefined;
}

/** A suggestion the reader said is not a claim: the finder won't offer it on this page again. */
export interface Dismissal {
  /** The suggestion's id (stable for the same text on the same page). */
  id: string;
  pageUrl: string;
  exact: string;
  createdAt: number;
}
