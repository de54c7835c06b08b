// `npm run serve`: serves the sample article (and the corpus pages) on a fixed port of 127.0.0.1 until Ctrl-C, for
// a browser you start yourself, or for `npx wxt` run directly (its start page is the sample's URL below).
import { SAMPLE_PORT } from './lib/dev-browser.ts';
import { startServer } from './lib/serve.ts';

const server = await startServer(SAMPLE_PORT).catch((error: unknown) => {
  console.error(`✖ Cannot serve on 127.0.0.1:${SAMPLE_PORT} (${String(error)}). Is it served already?`);
  process.exit(1);
});
console.log(`Serving on ${server.origin}
  Sample:  ${server.sampleUrl}
  Corpus:  ${server.origin}/corpus/<name>/ (../shared/corpus/pages/<name>/source.html)
Press Ctrl-C to stop.`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
