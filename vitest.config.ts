import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The script's, the sheet's and the machine's time zones can differ: pin the script's.
    env: { TZ: 'Asia/Ho_Chi_Minh' },
    // The JSON report is what .ci/run reads for its closing totals.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
