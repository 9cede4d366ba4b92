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
              outputFile: `${process.env.KABINET_REPORT_DIR}/unit-${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}.json`,
            },
          ],
        ]
      : ['default'],
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two test files at a time, each with its own database.
    maxWorkers: 2,
  },
});
