import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests (and the CLI and app they start) keep their anchor key in a temp folder, never in the
// user's own key folder (electron/core/integrity/key.ts).
const env = { ADSG_KEY_DIR: join(tmpdir(), 'adsg-test-keys') };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          env,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          env,
        },
      },
    ],
  },
});
