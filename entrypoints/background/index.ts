import { backgroundMessenger } from '@/lib/messaging/protocol';
import { getDb } from '@/storage/db';
import { createHandlers } from './handlers';
import { registerMarkClaim } from './mark-claim';
import { openPanelOnActionClick } from './open-panel';
import { registerToggleHighlights } from './toggle-highlights';

// Everything here is registered synchronously at start-up: the MV3 worker is stopped when idle and restarted for the
// next event, and listeners added later would miss that event. No state lives in worker memory.
export default defineBackground(() => {
  openPanelOnActionClick();
  registerMarkClaim();
  registerToggleHighlights(getDb);

  const handlers = createHandlers(getDb(), browser.runtime.id);
  backgroundMessenger.onMessage('page:annotations', ({ data, sender }) => handlers.annotations(data, sender));
  backgroundMessenger.onMessage('claim:create', ({ data, sender }) => handlers.createClaim(data, sender));
  backgroundMessenger.onMessage('badge:update', async ({ data, sender }) => {
    const { tabId, text } = handlers.badge(data, sender);
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a6100' });
    await browser.action.setBadgeText({ tabId, text });
  });
});
