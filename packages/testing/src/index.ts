// Helpers that the apps' tests (vitest) and benchmark scripts (.mjs) share. Built to CommonJS
// like the other packages, which plain ES module scripts import by name as well.
export { createServerDatabase, type DatabasePurpose, type ServerDatabase } from './server-database';
export { accessibilityProblems } from './accessibility';
