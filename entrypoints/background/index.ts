import { backgroundMessenger } from '@/lib/messaging/protocol';
import { getDb } from '@/storage/db';
import { createHandlers } from './handlers';
import { createScoreHandler, offscreenBackend, type ScoreBackend } from './score-route';
import { lazyScorer, offscreenMessenger } from '@/lib/claims/encoder/offscreen-protocol';
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
  const score = createScoreHandler(browser.runtime.id, scoreBackend());
  backgroundMessenger.onMessage('claims:score', ({ data, sender }) => score(data, sender));
});

/** Chrome: the offscreen document scores (created on demand). Firefox: this event page has a DOM and scores itself. */
function scoreBackend(): ScoreBackend {
  if (import.meta.env.FIREFOX) {
    const getUrl = browser.runtime.getURL as (path: string) => string;
    const scorer = lazyScorer(async () => (await import('@/lib/claims/encoder/extension')).createPackagedScorer(getUrl));
    return async (texts) => (await scorer()).score(texts);
  }
  const { offscreen } = browser as unknown as { offscreen: Parameters<typeof offscreenBackend>[0] };
  return offscreenBackend(offscreen, (texts) => offscreenMessenger.sendMessage('offscreen:score', { texts }));
}
