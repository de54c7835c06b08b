import { z } from 'zod';
import { CUE_LABELS, type Cue } from '../claims/types';
import { CLAIM_STATUSES } from '../model';
import { isWebUrl } from '../export/web-url';

const CUES = Object.keys(CUE_LABELS) as [Cue, ...Cue[]];
const STATUSES = CLAIM_STATUSES as unknown as ['unreviewed', 'sourced', 'unsourced'];

/** ISO-8601 with a time and a zone, as `Date.prototype.toISOString` writes it (other offsets are read too). */
const time = z.iso.datetime({ offset: true }).refine((value) => Number.isFinite(Date.parse(value)), 'not a real date');

/** A page is a web page: the Library opens these addresses, so `data:`, `file:` or `javascript:` never get in. */
const pageUrl = z.string().refine(isWebUrl, 'expected an http or https address such as https://example.com/article');

export const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

const offset = z.number().int().min(0);
export const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

/**
 * A claim's W3C selector: the one schema for a backup file and for `claim:create` (lib/messaging/validate.ts adds
 * its size bounds on top), so whatever is stored can always be backed up and imported again.
 */
export const selectorSchema = z.discriminatedUnion('type', [quoteSelector, positionSelector]);

const evidence = z.object({
  url: z.string().refine(isWebUrl, 'not a web link: only http and https links are kept as evidence'),
  title: z.string().optional(),
});

const claim = z.object({
  id: z.string().min(1),
  exact: z.string().min(1),
  selectors: z.array(selectorSchema),
  status: z.enum(STATUSES),
  note: z.string(),
  evidence: z.array(evidence),
  origin: z.enum(['auto', 'manual']),
  score: z.number().optional(),
  cues: z.array(z.enum(CUES)).optional(),
  createdAt: time,
  updatedAt: time,
});

const count = z.number().int().min(0);

const page = z.object({
  url: pageUrl,
  title: z.string(),
  site: z.string(),
  firstVisit: time.optional(),
  lastVisit: time.optional(),
  counts: z.object({ unreviewed: count, sourced: count, unsourced: count }).optional(),
  claims: z.array(claim),
  dismissed: z.array(z.object({ id: z.string().min(1), exact: z.string(), createdAt: time })).optional(),
});

/** Everything but `format` and `version`, which are checked first for a clearer message. */
export const backupSchema = z.object({
  exportedAt: time,
  pages: z.array(page),
});

export type ParsedBackup = z.infer<typeof backupSchema>;
