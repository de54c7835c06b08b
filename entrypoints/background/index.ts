import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { getDb } from '@/storage/db';
import { createHandlers } from './handlers';
import { createArticleHandler, type ArticleBackend } from './article-route';
import { createScoreHandler, offscreenDocument, type OffscreenApi, type ScoreBackend } from './score-route';
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
  const article = createArticleHandler(browser.runtime.id, articleBackend());
  backgroundMessenger.onMessage('article:blocks', ({ data, sender }) => article(data, sender));
});

const chromeOffscreen = () => (browser as unknown as { offscreen: OffscreenApi }).offscreen;

/** Chrome: the offscreen document scores (created on demand). Firefox: this event page has a DOM and scores itself. */
function scoreBackend(): ScoreBackend {
  if (import.meta.env.FIREFOX) {
    const getUrl = browser.runtime.getURL as (path: string) => string;
    const scorer = lazyScorer(async () =>
      (await import('@/lib/claims/encoder/extension')).createPackagedScorer(getUrl),
    );
    return async (texts) => (await scorer()).score(texts);
  }
  const ensureDocument = offscreenDocument(chromeOffscreen());
  return async (texts) => {
    await ensureDocument();
    return (await offscreenMessenger.sendMessage('offscreen:score', { texts })).scores;
  };
}

/** Readability needs DOMParser: the offscreen document has it in Chrome, the event page in Firefox. */
function articleBackend(): ArticleBackend {
  if (import.meta.env.FIREFOX) {
    return async (html, url) => (await import('@/lib/article/extract-blocks')).extractArticleBlocks(html, url);
  }
  const ensureDocument = offscreenDocument(chromeOffscreen());
  return async (html, url) => {
    await ensureDocument();
    return (await offscreenMessenger.sendMessage('offscreen:article', { html, url })).blocks;
  };
}
