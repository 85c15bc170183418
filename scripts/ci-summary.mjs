// Adds up the vitest JSON reports of every package into one closing line:
//   Tests: N passed, N failed, N skipped
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['apps', 'packages']) {
  for (const name of readdirSync(path.join(root, group))) {
    const dir = path.join(root, group, name, 'test-results');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      passed += report.numPassedTests;
      // A suite that fails to load has no failed test, yet it failed.
      failed += report.numFailedTests + report.numFailedTestSuites;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
      console.log(
        `  ${group}/${name} (${file}): ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
      );
    }
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
