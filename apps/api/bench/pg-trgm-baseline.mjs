// The PostgreSQL alternative the matcher was measured against: pg_trgm similarity over the
// unaccented question and its alternates (what a database-only matcher would do), on the
// same dev set. Prints top-1 accuracy on in-scope questions and, for the threshold that
// refuses as many out-of-scope questions as the matcher does, the accuracy left.
//   node bench/pg-trgm-baseline.mjs      (BENCH_DATABASE_URL=postgresql://… or embedded PGlite)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../dist/database/embedded-database.js';

const dir =
  process.env.QA_DEV_DIR ??
  path.resolve(import.meta.dirname, '../../../packages/domain/test/fixtures/qa-dev');
const faqs = JSON.parse(readFileSync(path.join(dir, 'faqs.json'), 'utf8'));
const questions = JSON.parse(readFileSync(path.join(dir, 'questions.json'), 'utf8'));

const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedDatabase();
const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? embedded.url });
await client.connect();
try {
  await client.query(
    `CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent`,
  );
  await client.query(`CREATE TEMP TABLE f (id text, doc text)`);
  for (const f of faqs)
    await client.query(`INSERT INTO f VALUES ($1, lower(unaccent($2)))`, [
      f.id,
      `${f.question} ${f.topic}`,
    ]);
  const results = [];
  const started = performance.now();
  for (const q of questions) {
    const { rows } = await client.query(
      `SELECT id, word_similarity(lower(unaccent($1)), doc) AS score FROM f ORDER BY score DESC LIMIT 1`,
      [q.q],
    );
    results.push({ ...q, got: rows[0].id, score: Number(rows[0].score) });
  }
  const perQuery = (performance.now() - started) / questions.length;
  const inScope = results.filter((r) => r.expect !== null);
  const outScope = results.filter((r) => r.expect === null);
  const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(
    `pg_trgm baseline (${embedded ? 'PGlite' : 'PostgreSQL'}), ${perQuery.toFixed(1)} ms a question:`,
  );
  console.log(
    `  top-1 without refusing anything: ${pct(inScope.filter((r) => r.got === r.expect).length, inScope.length)}`,
  );
  const scores = outScope.map((r) => r.score).sort((a, b) => a - b);
  const threshold = scores[Math.floor(scores.length * 0.9)];
  const kept = inScope.filter((r) => r.score > threshold && r.got === r.expect).length;
  console.log(
    `  refusing 90% of out-of-scope (score ≤ ${threshold.toFixed(3)}): top-1 ${pct(kept, inScope.length)}`,
  );
} finally {
  await client.end();
  await embedded?.close();
}
