#!/usr/bin/env node
// The console's built JavaScript, gzip sizes: what the sign-in page loads before it can be used
// (the entry, its static imports and the login route's chunk), then each route's own chunk.
// Reads apps/admin/dist/.vite/manifest.json (vite build --manifest). Run after the build; CI
// prints it (.ci/run). Exits 1 when the sign-in page's JavaScript passes its budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/admin/dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
const sizes = new Map();
/** Raw and gzip bytes of one built file. */
function sizeOf(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(path.join(dist, file));
    sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The JavaScript files a manifest entry loads at once: itself and its static imports. */
function staticClosure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const sum = (files) =>
  [...files].reduce(
    (total, file) => {
      const size = sizeOf(file);
      return { raw: total.raw + size.raw, gzip: total.gzip + size.gzip };
    },
    { raw: 0, gzip: 0 },
  );

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const loginKey = 'src/views/login/index.vue';
const initial = staticClosure(entryKey);
const signIn = staticClosure(loginKey, new Set(initial));
const signInSize = sum(signIn);
const css = [...new Set([entryKey, loginKey].flatMap((key) => manifest[key]?.css ?? []))];

console.log('Console bundle (apps/admin/dist), gzip level 9');
console.log(`  entry and its static imports: ${kb(sum(initial).gzip)} (${initial.size} files)`);
console.log(
  `  sign-in page, initial JavaScript: ${kb(signInSize.gzip)} gzip, ${kb(signInSize.raw)} raw` +
    ` (${signIn.size} files; budget ${BUDGET_KB} KB gzip)`,
);
console.log(`  sign-in page, CSS: ${kb(sum(css).gzip)} gzip`);

// Each route's chunk and what it adds to what the entry already loaded.
const routes = Object.keys(manifest)
  .filter((key) => manifest[key].isDynamicEntry && key.startsWith('src/'))
  .map((key) => {
    const own = sizeOf(manifest[key].file);
    const added = [...staticClosure(key)].filter((file) => !initial.has(file));
    return { key, own, added: sum(added) };
  })
  .sort((a, b) => b.added.gzip - a.added.gzip);
console.log('  lazy chunks (own gzip / with the shared chunks it adds):');
for (const route of routes) {
  console.log(`    ${kb(route.own.gzip)} / ${kb(route.added.gzip)}  ${route.key}`);
}

if (signInSize.gzip > BUDGET_KB * 1024) {
  console.error(`The sign-in page's JavaScript is over its budget of ${BUDGET_KB} KB gzip.`);
  process.exit(1);
}
