// How WXT's runner (web-ext) starts the browser for `npm run dev:watch`: on the sample article, without warning bars,
// the panel as wide as in `npm run dev` (scripts/lib/dev-browser.ts). Read by every `wxt` command, builds included,
// and used only by `wxt` in watch mode; `npm run dev`, the tests and CI launch their browsers themselves.
// Settings of your own (another profile, devtools open) belong in $HOME/web-ext.config.ts, which WXT also reads.
import { defineWebExtConfig } from 'wxt';
import { devWatchConfig } from './scripts/lib/dev-browser.ts';

export default defineWebExtConfig(devWatchConfig(process.env, process.getuid?.() === 0));
