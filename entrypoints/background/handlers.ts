import type { Claim } from '@/storage/types';
import {
  assertSenderOwnsPage,
  newManualClaimRequest,
  parseMessage,
  storedClaimsRequest,
  type SenderLike,
} from '@/lib/messaging/validate';
import type { PageAnnotations } from '@/lib/messaging/protocol';
import { claimsOfPage, saveClaim } from '@/storage/claims';
import { dismissalsOfPage } from '@/storage/dismissals';
import type { ClaimlensDb } from '@/storage/db';

/** What the background answers to pages. Each handler validates its payload and its sender before touching storage. */
export function createHandlers(db: ClaimlensDb, extensionId: string, now: () => number = Date.now) {
  return {
    async annotations(data: unknown, sender: SenderLike): Promise<PageAnnotations> {
      const { url } = parseMessage(storedClaimsRequest, data);
      assertSenderOwnsPage(sender, extensionId, url);
      const [claims, dismissals] = await Promise.all([claimsOfPage(db, url), dismissalsOfPage(db, url)]);
      return { claims, dismissals };
    },

    async createClaim(data: unknown, sender: SenderLike): Promise<Claim> {
      const request = parseMessage(newManualClaimRequest, data);
      assertSenderOwnsPage(sender, extensionId, request.page.url);
      const at = now();
      const claim: Claim = {
        id: crypto.randomUUID(),
        pageUrl: request.page.url,
        selectors: request.selectors,
        exact: request.exact.replace(/\s+/g, ' ').trim(),
        origin: 'manual',
        status: 'unreviewed',
        note: '',
        evidence: [],
        createdAt: at,
        updatedAt: at,
      };
      await saveClaim(db, claim, request.page, at);
      return claim;
    },
  };
}
