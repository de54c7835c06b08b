import { defineContentScript } from 'wxt/utils/define-content-script';
import './highlights.css';
import { startAnnotator } from './annotator';
import { guardAgainstPageShutdown } from './page-proof-context';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would announce each start to the page with window.postMessage, leaking the event name that stops the script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    guardAgainstPageShutdown(ctx, import.meta.env.ENTRYPOINT);
    startAnnotator(ctx);
  },
});
