import './highlights.css';
import { startAnnotator } from './annotator';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startAnnotator(ctx);
  },
});
