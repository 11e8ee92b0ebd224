import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy (one WASM Postgres each); two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
