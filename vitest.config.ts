import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['{lib,storage,components,entrypoints,scripts}/**/*.test.{ts,tsx}', 'tests/*.test.{ts,tsx}'],
    server: { deps: { inline: ['zustand'] } },
  },
});
