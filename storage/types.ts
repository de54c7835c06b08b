import type { Selector } from '../lib/anchoring/types';
import type { Cue } from '../lib/claims/types';

export type ClaimStatus = 'unreviewed' | 'sourced' | 'unsourced';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['unreviewed', 'sourced', 'unsourced'];

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

export type StatusCounts = Record<ClaimStatus, number>;

export interface PageRecord {
  /** Normalized URL, the key. */
  url: string;
  title: string;
  site: string;
  firstVisit: number;
  lastVisit: number;
  counts: StatusCounts;
}

/** A suggestion the reader said is not a claim: the finder won't offer it on this page again. */
export interface Dismissal {
  /** The suggestion's id (stable for the same text on the same page). */
  id: string;
  pageUrl: string;
  exact: string;
  createdAt: number;
}

export type Sensitivity = 'fewer' | 'balanced' | 'more';

/** The reader's preferences, one record. */
export interface Settings {
  id: 'settings';
  /** Find claims automatically on every article. */
  autoFind: boolean;
  /** Sites (host without www.) where automatic finding is off. */
  quietSites: string[];
  sensitivity: Sensitivity;
  showHighlights: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  id: 'settings',
  autoFind: true,
  quietSites: [],
  sensitivity: 'balanced',
  showHighlights: true,
};
