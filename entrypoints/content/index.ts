import { defineContentScript } from 'wxt/utils/define-content-script';
import './highlights.css';
import { yieldToEventLoop } from '@/lib/scheduling/yield';
import { guardAgainstPageShutdown } from './page-proof-context';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would announce each start to the page with window.postMessage, leaking the event name that stops the script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const startedAt = performance.now();
    guardAgainstPageShutdown(ctx, import.meta.env.ENTRYPOINT);
    // The annotator's modules (the finder's patterns, the quick model's weights) are evaluated in a task of their own:
    // the bundle imports them lazily, so the script's first task is compiling it and little more.
    void yieldToEventLoop()
      .then(() => import('./annotator'))
      .then(({ startAnnotator }) => {
        if (ctx.isValid) startAnnotator(ctx, startedAt);
      })
      .catch((error: unknown) => console.error('Claimlens: the content script did not start', error));
  },
});
