// Test settings every package shares (merged into each package's vitest config). Under CI
// each run also writes a JSON report that scripts/ci-summary.mjs adds up into one
// "N passed, N failed" line.
const underCi = Boolean(process.env.CI);

export const sharedTestConfig = {
  test: {
    reporters: underCi ? ['default', 'json'] : ['default'],
    outputFile: {
      json: `test-results/vitest-${process.env.TEST_DATABASE_URL ? 'server' : 'default'}.json`,
    },
  },
};
