import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers: one browser at a time, generous timeouts
// (a cold browser start on a loaded CI machine is slow), never a wall-clock assertion.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
