import { z } from 'zod';
import { selectorSchema } from '../model/selector-schema';
import { originOf, samePublisher } from '../url/same-page-owner';
import { MAX_ARTICLE_HTML, MAX_SCORE_TEXT_LENGTH, MAX_SCORE_TEXTS } from './protocol';

export { MAX_ARTICLE_HTML, MAX_SCORE_TEXT_LENGTH, MAX_SCORE_TEXTS };

/**
 * Messages reach the background from content scripts running inside arbitrary web pages, so every payload is checked
 * against a schema and against its sender before it touches storage.
 */
const httpUrl = z
  .string()
  .max(8192)
  .regex(/^https?:\/\//, 'must be an http(s) URL');

export const MAX_CLAIM_LENGTH = 5000;

export const storedClaimsRequest = z.object({ url: httpUrl });

/** The backup's selector schema (so start <= end), with bounds on what a page may send. */
const selector = selectorSchema.refine(
  (s) =>
    s.type !== 'TextQuoteSelector' ||
    (s.exact.length >= 1 && s.exact.length <= MAX_CLAIM_LENGTH && s.prefix.length <= 256 && s.suffix.length <= 256),
  'quote selector out of bounds',
);

export const newManualClaimRequest = z.object({
  page: z.object({ url: httpUrl, title: z.string().max(2000), site: z.string().max(500) }),
  exact: z.string().trim().min(1, 'is empty').max(MAX_CLAIM_LENGTH, `is longer than ${MAX_CLAIM_LENGTH} characters`),
  selectors: z.array(selector).min(1).max(4),
});

export const badgeRequest = z.object({ unreviewed: z.number().int().min(0).max(1_000_000) });

export const scoreRequest = z.object({
  texts: z
    .array(z.string().max(MAX_SCORE_TEXT_LENGTH, `is longer than ${MAX_SCORE_TEXT_LENGTH} characters`))
    .max(MAX_SCORE_TEXTS, `has more than ${MAX_SCORE_TEXTS} texts`),
});

export const articleRequest = z.object({
  html: z.string().max(MAX_ARTICLE_HTML, `is longer than ${MAX_ARTICLE_HTML} characters`),
  url: httpUrl,
});

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export class MessageRejected extends Error {
  override name = 'MessageRejected';
}

export function parseMessage<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MessageRejected(`Invalid message: ${issue?.path.join('.') || 'data'} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

/**
 * A content script may only read and write claims of the page its own tab shows: `url` (possibly the page's
 * canonical URL) must be the same publisher's as the frame that sent the message (same origin; same author's path on a
 * shared host), so a frame on `http://host:8080` cannot reach the claims of `https://host/`.
 */
export function assertSenderOwnsPage(sender: SenderLike, extensionId: string, url: string): void {
  if (sender.id !== extensionId) throw new MessageRejected('Message from another extension');
  const frameUrl = sender.url ?? sender.tab?.url;
  if (!sender.tab || !frameUrl) throw new MessageRejected('Only a page can ask for its own claims');
  if (!samePublisher(frameUrl, url))
    throw new MessageRejected(`A page on ${originOf(frameUrl) || 'another origin'} asked for ${originOf(url) || url}`);
}

/** Scoring reads nothing from storage, so any page or frame of this extension may ask; other extensions may not. */
export function assertSenderIsOurs(sender: SenderLike, extensionId: string): void {
  if (sender.id !== extensionId) throw new MessageRejected('Message from another extension');
}
