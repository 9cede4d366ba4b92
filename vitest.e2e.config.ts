import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '.',
  test: {
    // CI asks for a JSON report per pass (KABINET_REPORT_DIR) to print the total of passed and failed tests.
    reporters: process.env.KABINET_REPORT_DIR
      ? [
          'default',
          [
            'json',
            {
              outputFile: `${process.env.KABINET_REPORT_DIR}/e2e-${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}.json`,
            },
          ],
        ]
      : ['default'],
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
