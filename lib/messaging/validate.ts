import { z } from 'zod';
import { siteOf } from '../url/normalize-url';

/**
 * Messages reach the background from content scripts running inside arbitrary web pages, so every payload is checked
 * against a schema and against its sender before it touches storage.
 */
export const storedClaimsRequest = z.object({
  url: z.string().max(8192).regex(/^https?:\/\//, 'must be an http(s) URL'),
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
 * canonical URL) must be on the same site as the frame that sent the message.
 */
export function assertSenderOwnsPage(sender: SenderLike, extensionId: string, url: string): void {
  if (sender.id !== extensionId) throw new MessageRejected('Message from another extension');
  const frameUrl = sender.url ?? sender.tab?.url;
  if (!sender.tab || !frameUrl) throw new MessageRejected('Only a page can ask for its own claims');
  if (siteOf(frameUrl) !== siteOf(url)) throw new MessageRejected(`A page on ${siteOf(frameUrl)} asked for ${siteOf(url)}`);
}
