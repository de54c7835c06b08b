import type { Claim } from '@/lib/model';
import {
  assertSenderOwnsPage,
  badgeRequest,
  MessageRejected,
  newManualClaimRequest,
  parseMessage,
  storedClaimsRequest,
  type SenderLike,
} from '@/lib/messaging/validate';
import type { PageAnnotations } from '@/lib/messaging/protocol';
import { claimsOfPage, saveClaim } from '@/storage/claims';
import { dismissalsOfPage } from '@/storage/dismissals';
import { readSettings } from '@/storage/settings';
import type { ClaimlensDb } from '@/storage/db';

/** What the background answers to pages. Each handler validates its payload and its sender before touching storage. */
export function createHandlers(db: ClaimlensDb, extensionId: string, now: () => number = Date.now) {
  return {
    /** The badge text for the sender's tab: unreviewed claims, empty when none. */
    badge(data: unknown, sender: SenderLike): { tabId: number; text: string } {
      const { unreviewed } = parseMessage(badgeRequest, data);
      if (sender.id !== extensionId || sender.tab?.id === undefined)
        throw new MessageRejected('Only a page has a badge');
      return { tabId: sender.tab.id, text: unreviewed === 0 ? '' : unreviewed > 999 ? '999+' : String(unreviewed) };
    },

    async annotations(data: unknown, sender: SenderLike): Promise<PageAnnotations> {
      const { url } = parseMessage(storedClaimsRequest, data);
      assertSenderOwnsPage(sender, extensionId, url);
      const [claims, dismissals, settings] = await Promise.all([
        claimsOfPage(db, url),
        dismissalsOfPage(db, url),
        readSettings(db),
      ]);
      return { claims, dismissals, settings };
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
