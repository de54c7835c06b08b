import type { Claim } from '@/storage/types';
import {
  assertSenderOwnsPage,
  newManualClaimRequest,
  parseMessage,
  storedClaimsRequest,
  type SenderLike,
} from '@/lib/messaging/validate';
import { claimsOfPage, saveClaim } from '@/storage/claims';
import type { ClaimlensDb } from '@/storage/db';

/** What the background answers to pages. Each handler validates its payload and its sender before touching storage. */
export function createHandlers(db: ClaimlensDb, extensionId: string, now: () => number = Date.now) {
  return {
    storedClaims(data: unknown, sender: SenderLike): Promise<Claim[]> {
      const { url } = parseMessage(storedClaimsRequest, data);
      assertSenderOwnsPage(sender, extensionId, url);
      return claimsOfPage(db, url);
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
