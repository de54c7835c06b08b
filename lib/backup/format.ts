/**
 * The backup file, version 1. Times are ISO-8601 strings in the file and epoch milliseconds in storage; fields not
 * listed here may be added within version 1 and are ignored by readers that do not know them.
 */
import type { z } from 'zod';
import type { Claim, Dismissal, PageRecord } from '../model';
import type { backupSchema, claimSchema, dismissalSchema, evidenceSchema, pageSchema } from './schema';

export const BACKUP_FORMAT = 'claimlens-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing: reading one would take most of the memory a browser tab gets. */
export const DEFAULT_MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/**
 * More claims are refused before anything is checked or written: an import of a million claims takes minutes in
 * Chromium's IndexedDB (15–25 s per 100,000 on the 2-core benchmark machine) and over a gigabyte of memory while parsed.
 */
export const DEFAULT_MAX_BACKUP_CLAIMS = 1_000_000;

// The file's shapes are the schema's (./schema.ts): what is written is exactly what is read back.
export type BackupEvidence = z.infer<typeof evidenceSchema>;
export type BackupClaim = z.infer<typeof claimSchema>;
/** A suggestion the reader said is not a claim. */
export type BackupDismissal = z.infer<typeof dismissalSchema>;
/**
 * A page: `firstVisit`/`lastVisit` are optional when reading (the earliest claim time or the export time stands in),
 * `counts` too (counted from the claims), `dismissed` (absent in files that do not carry them), and the page verdict
 * (`verdict`, and `verdictUpdatedAt`, for which the last visit stands in when absent).
 */
export type BackupPage = z.infer<typeof pageSchema>;

export type BackupFile = z.infer<typeof backupSchema> & {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
};

/** A page and its claims, as storage holds them. */
export interface BackupEntry {
  page: PageRecord;
  claims: Claim[];
  /** Written to the file when present, even empty; read back only from files that have them. */
  dismissals?: Dismissal[];
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Why a file of this size is refused before it is read, or undefined when it may be read. */
export function tooLarge(bytes: number, maxBytes = DEFAULT_MAX_BACKUP_BYTES): string | undefined {
  if (bytes <= maxBytes) return undefined;
  return `The file is ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} a backup may be. Is it the right file?`;
}
