import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './tests/setup-unit.ts'],
    // A ceiling for a hung test, not a pace: async waits inside tests allow 30 s (tests/setup-unit.ts).
    testTimeout: 60_000,
    include: ['{lib,storage,entrypoints,scripts,server}/**/*.test.{ts,tsx}', 'tests/*.test.{ts,tsx}'],
    server: { deps: { inline: ['zustand'] } },
  },
});
