/**
 * The backup file, version 1. Times are ISO-8601 strings in the file and epoch milliseconds in storage; fields not
 * listed here may be added within version 1 and are ignored by readers that do not know them.
 */
import type { Selector } from '../anchoring/types';
import type { Cue } from '../claims/types';
import type { Claim, ClaimOrigin, ClaimStatus, Dismissal, PageRecord, StatusCounts } from '../model';

export const BACKUP_FORMAT = 'claimlens-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing: reading one would take most of the memory a browser tab gets. */
export const DEFAULT_MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface BackupEvidence {
  url: string;
  title?: string;
}

export interface BackupClaim {
  id: string;
  exact: string;
  selectors: Selector[];
  status: ClaimStatus;
  note: string;
  evidence: BackupEvidence[];
  origin: ClaimOrigin;
  score?: number;
  cues?: Cue[];
  createdAt: string;
  updatedAt: string;
}

/** A suggestion the reader said is not a claim. */
export interface BackupDismissal {
  id: string;
  exact: string;
  createdAt: string;
}

export interface BackupPage {
  url: string;
  title: string;
  site: string;
  /** Optional when reading: the earliest claim time (or the export time) stands in. */
  firstVisit?: string;
  lastVisit?: string;
  /** Optional when reading: counted from the claims. */
  counts?: StatusCounts;
  claims: BackupClaim[];
  /** Optional: suggestions dismissed on this page (absent in files that do not carry them). */
  dismissed?: BackupDismissal[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  pages: BackupPage[];
}

/** A page and its claims, as storage holds them. */
export interface BackupEntry {
  page: PageRecord;
  claims: Claim[];
  /** Written to the file when present, even empty; read back only from files that have them. */
  dismissals?: Dismissal[];
}
