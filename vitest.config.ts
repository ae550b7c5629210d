import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests that spawn bin/awslab.js run dist/: rebuild it first when src/ is newer.
    globalSetup: ['test/fresh-build.ts'],
  },
});
