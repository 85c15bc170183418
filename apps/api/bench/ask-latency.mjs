// Latency of POST /api/v1/assistant/ask over HTTP with 1,000 and 10,000 published FAQs.
// The FAQs are the dev set plus synthetic ones written from its vocabulary; the questions
// are the dev questions, asked in turn. Prints the import time (files of 2,000 FAQs), the index
// build time and p50/p95/p99; then p95 of the first pass over the questions apart from the
// asks after it: the first asks after a start or an import are the slow ones (the process warms
// up: compiled code, each common word's weights kept by the index), not new questions as such
// (questions never asked before, after those, take about as long as repeated ones).
//   pnpm bench:ask          (BENCH_DATABASE_URL=postgresql://… to run on a server)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { askQuestion, percentile, startBenchApp } from './harness.mjs';

const dir =
  process.env.QA_DEV_DIR ??
  path.resolve(import.meta.dirname, '../../../packages/domain/test/fixtures/qa-dev');
const devFaqs = JSON.parse(readFileSync(path.join(dir, 'faqs.json'), 'utf8'));
const questions = JSON.parse(readFileSync(path.join(dir, 'questions.json'), 'utf8')).map(
  (q) => q.q,
);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ASKS = Number(process.env.BENCH_ASKS ?? 600);

// A small deterministic generator, so every run measures the same FAQs.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const words = devFaqs
  .flatMap((f) => `${f.question} ${f.answer}`.split(/\s+/))
  .filter((w) => w.length > 1);
const phrase = (n) =>
  Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');

function syntheticFaqs(count) {
  const rows = devFaqs.map((f) => ({ ...f, status: 'published' }));
  for (let i = rows.length; i < count; i++) {
    rows.push({
      id: `syn-${i}`,
      topic: `Chủ đề ${i % 40}`,
      question: `${phrase(8)}?`,
      alternates: [phrase(6)],
      answer: phrase(40),
      status: 'published',
    });
  }
  return rows;
}

for (const size of SIZES) {
  const bench = await startBenchApp();
  try {
    const rows = syntheticFaqs(size);
    const importStarted = performance.now();
    for (let i = 0; i < rows.length; i += 2000) {
      const res = await bench.editorFetch('/api/v1/knowledge/faqs/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rows.slice(i, i + 2000)),
      });
      if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    }
    const importMs = performance.now() - importStarted;
    let started = performance.now();
    await askQuestion(bench.url, 'khởi động');
    const buildMs = performance.now() - started;
    const times = [];
    for (let i = 0; i < ASKS; i++) {
      started = performance.now();
      await askQuestion(bench.url, questions[i % questions.length]);
      times.push(performance.now() - started);
    }
    const firstPass = times.slice(0, questions.length).sort((a, b) => a - b);
    const later = times.slice(questions.length).sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const f = (ms) => `${ms.toFixed(1)} ms`;
    console.log(
      `ask latency, ${size} FAQs (${bench.mode}): import ${f(importMs)}; index build ${f(buildMs)}; ${ASKS} asks p50 ${f(percentile(times, 50))}, p95 ${f(percentile(times, 95))}, p99 ${f(percentile(times, 99))}`,
    );
    if (later.length) {
      console.log(
        `  first pass over the ${firstPass.length} questions p95 ${f(percentile(firstPass, 95))}; the ${later.length} asks after it p95 ${f(percentile(later, 95))}`,
      );
    }
  } finally {
    await bench.close();
  }
}
