// The question matcher's quality on the development set, through the same code path as
// POST /api/v1/assistant/ask: imports the dev set's faqs.json into a fresh database
// (published), asks every question of questions.json over HTTP, and prints top-1 accuracy
// on in-scope questions and the share of out-of-scope ones refused, overall and per kind.
//   pnpm eval:qa            (QA_DEV_DIR overrides where the set is read from)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { askQuestion, startBenchApp } from './harness.mjs';

const dir =
  process.env.QA_DEV_DIR ??
  path.resolve(import.meta.dirname, '../../../packages/domain/test/fixtures/qa-dev');
const faqs = JSON.parse(readFileSync(path.join(dir, 'faqs.json'), 'utf8'));
const questions = JSON.parse(readFileSync(path.join(dir, 'questions.json'), 'utf8'));

const bench = await startBenchApp();
try {
  const imported = await bench.editorFetch(
    '/api/v1/knowledge/faqs/import?defaultStatus=published',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faqs),
    },
  );
  const report = await imported.json();
  if (!imported.ok || report.rejected) throw new Error(`import failed: ${JSON.stringify(report)}`);
  const keyOf = new Map(report.rows.map((row) => [row.id, faqs[row.row - 1].id]));

  const byKind = new Map();
  const misses = [];
  for (const q of questions) {
    const res = await askQuestion(bench.url, q.q);
    const got = res.status === 'no_answer' ? null : keyOf.get(res.faq.id);
    const ok = got === q.expect;
    const kind = byKind.get(q.kind) ?? { total: 0, ok: 0 };
    kind.total++;
    if (ok) kind.ok++;
    byKind.set(q.kind, kind);
    if (!ok)
      misses.push(
        `  [${q.kind}] "${q.q}" expected ${q.expect ?? 'no answer'}, got ${got ?? 'no answer'} (${res.status}, ${res.confidence})`,
      );
  }

  const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
  const inScope = questions.filter((q) => q.expect !== null);
  const outScope = questions.filter((q) => q.expect === null);
  const sum = (kinds, key) => kinds.reduce((n, k) => n + (byKind.get(k)?.[key] ?? 0), 0);
  const inKinds = [...byKind.keys()].filter((k) => k !== 'out_of_scope');
  console.log(
    `QA eval on ${faqs.length} FAQs, ${questions.length} questions (database: ${bench.mode})`,
  );
  console.log(
    `  top-1 accuracy (in scope):        ${pct(sum(inKinds, 'ok'), inScope.length)}  (${sum(inKinds, 'ok')}/${inScope.length})`,
  );
  console.log(
    `  out of scope correctly refused:   ${pct(byKind.get('out_of_scope')?.ok ?? 0, outScope.length)}  (${byKind.get('out_of_scope')?.ok ?? 0}/${outScope.length})`,
  );
  for (const [kind, { ok, total }] of [...byKind].sort())
    console.log(`  ${kind.padEnd(18)} ${pct(ok, total).padStart(6)}  (${ok}/${total})`);
  if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
} finally {
  await bench.close();
}
