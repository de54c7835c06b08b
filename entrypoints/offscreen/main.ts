// Chrome only: the offscreen document that hosts the check-worthiness model for the service worker.
import { browser } from 'wxt/browser';
import { createPackagedScorer } from '@/lib/claims/encoder/extension';
import { lazyScorer, offscreenMessenger } from '@/lib/claims/encoder/offscreen-protocol';
import { extractArticleBlocks } from '@/lib/article/extract-blocks';
import { articleRequest, MessageRejected, parseMessage, scoreRequest } from '@/lib/messaging/validate';

const getUrl = browser.runtime.getURL as (path: string) => string;
const scorer = lazyScorer(() => createPackagedScorer(getUrl));

// Registered before anything is awaited, so the request that made this document finds the listener. Content scripts
// reach every extension page with runtime messages too: only the background (no tab) of this extension is heard.
const fromBackground = (sender: { id?: string; tab?: unknown }) => {
  if (sender.id !== browser.runtime.id || sender.tab)
    throw new MessageRejected('Only the background may ask the offscreen document');
};
offscreenMessenger.onMessage('offscreen:score', async ({ data, sender }) => {
  fromBackground(sender);
  const { texts } = parseMessage(scoreRequest, data);
  return { scores: await (await scorer()).score(texts) };
});
offscreenMessenger.onMessage('offscreen:article', ({ data, sender }) => {
  fromBackground(sender);
  const { html, url } = parseMessage(articleRequest, data);
  return { blocks: extractArticleBlocks(html, url) };
});

// Load the model now: the first request is usually on its way.
scorer().catch((error: unknown) => console.error('Claimlens: could not load the claims model', error));
