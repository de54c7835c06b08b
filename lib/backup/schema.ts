import { z } from 'zod';
import { CUE_LABELS, type Cue } from '../claims/types';
import { CLAIM_STATUSES, MAX_VERDICT_LENGTH } from '../model';
import { selectorSchema } from '../model/selector-schema';
import { isWebUrl } from '../export/web-url';

const CUES = Object.keys(CUE_LABELS) as [Cue, ...Cue[]];

/** ISO-8601 with a time and a zone, as `Date.prototype.toISOString` writes it (other offsets are read too). */
const time = z.iso.datetime({ offset: true }).refine((value) => Number.isFinite(Date.parse(value)), 'not a real date');

/** A page is a web page: the Library opens these addresses, so `data:`, `file:` or `javascript:` never get in. */
const pageUrl = z.string().refine(isWebUrl, 'expected an http or https address such as https://example.com/article');

export const evidenceSchema = z.object({
  url: z.string().refine(isWebUrl, 'not a web link: only http and https links are kept as evidence'),
  title: z.string().optional(),
});

export const claimSchema = z.object({
  id: z.string().min(1),
  exact: z.string().min(1),
  selectors: z.array(selectorSchema),
  status: z.enum(CLAIM_STATUSES),
  note: z.string(),
  evidence: z.array(evidenceSchema),
  origin: z.enum(['auto', 'manual']),
  score: z.number().optional(),
  cues: z.array(z.enum(CUES)).optional(),
  createdAt: time,
  updatedAt: time,
});

const count = z.number().int().min(0);

export const dismissalSchema = z.object({ id: z.string().min(1), exact: z.string(), createdAt: time });

export const pageSchema = z.object({
  url: pageUrl,
  title: z.string(),
  site: z.string(),
  firstVisit: time.optional(),
  lastVisit: time.optional(),
  counts: z.object({ unreviewed: count, sourced: count, unsourced: count }).optional(),
  /** The reader's verdict on the whole page; `verdictUpdatedAt` alone: cleared then. */
  verdict: z.string().max(MAX_VERDICT_LENGTH).optional(),
  verdictUpdatedAt: time.optional(),
  claims: z.array(claimSchema),
  dismissed: z.array(dismissalSchema).optional(),
});

/** Everything but `format` and `version`, which are checked first for a clearer message. */
export const backupSchema = z.object({
  exportedAt: time,
  pages: z.array(pageSchema),
});

export type ParsedBackup = z.infer<typeof backupSchema>;
