import { articleRequest, assertSenderIsOurs, parseMessage, type SenderLike } from '@/lib/messaging/validate';

/** Whatever runs Readability in this browser: the offscreen document (Chrome) or this very page (Firefox). */
export type ArticleBackend = (html: string, url: string) => Promise<string[] | null>;

/** `article:blocks`: validates payload and sender, then asks the backend. Reads and writes no storage. */
export function createArticleHandler(extensionId: string, backend: ArticleBackend) {
  return async (data: unknown, sender: SenderLike): Promise<{ blocks: string[] | null }> => {
    assertSenderIsOurs(sender, extensionId);
    const { html, url } = parseMessage(articleRequest, data);
    return { blocks: await backend(html, url) };
  };
}
