import { backgroundMessenger } from '@/lib/messaging/protocol';
import { assertSenderOwnsPage, parseMessage, storedClaimsRequest } from '@/lib/messaging/validate';
import { claimsOfPage } from '@/storage/claims';
import { getDb } from '@/storage/db';
import { openPanelOnActionClick } from './open-panel';

// Everything here is registered synchronously at start-up: the MV3 worker is stopped when idle and restarted for the
// next event, and listeners added later would miss that event. No state lives in worker memory.
export default defineBackground(() => {
  openPanelOnActionClick();

  backgroundMessenger.onMessage('page:stored-claims', ({ data, sender }) => {
    const { url } = parseMessage(storedClaimsRequest, data);
    assertSenderOwnsPage(sender, browser.runtime.id, url);
    return claimsOfPage(getDb(), url);
  });
});
