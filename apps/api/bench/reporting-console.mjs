// The reporting console benchmark of issue 13 ("Speed"): 10,000 wards under 100 cities under one
// province, two years of half-yearly submissions of 30 fields (about 36,000 reports). Prints
//   - the p50/p95 of the tracking matrix of one period (GET …/periods/2026-H1/tracking, every
//     unit counted and grouped, 500 rows a page, with and without filters), target p95 < 300 ms;
//   - the p50/p95 of the totals of one period (GET …/periods/2026-H1/totals: sums up the
//     hierarchy, completeness per kind and over the periods), as the screen asks it
//     (?scope=top) and for every unit, target p95 < 300 ms;
//   - the time of the XLSX export of one period (a sheet of totals and a sheet per unit, read to
//     the end over HTTP), target < 5 s, and of the DOCX export, target < 3 s.
// A benchmark, not a test: it prints figures and fails nothing. Build first (pnpm build).
//   pnpm --filter @gcm/api bench:reporting-console            (embedded PGlite)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @gcm/api bench:reporting-console
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { percentile } from './harness.mjs';
import {
  FIELDS,
  createBenchTemplate,
  seedSubmissions,
  signInBenchAdmin,
  startReportingBench,
} from './reporting-seed.mjs';

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const CITIES = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const WARM_UP = 5;

const bench = await startReportingBench();
const db = bench.app.get(DataSource);
try {
  const started = performance.now();
  const { template } = await createBenchTemplate(bench.app);
  const [{ id: provinceId }] = await db.query(
    `INSERT INTO units (code, name, kind) VALUES ('T-00', 'Tỉnh benchmark', 'province') RETURNING id`,
  );
  await db.query(
    `INSERT INTO units (code, name, kind, parent_id)
     SELECT 'H-' || lpad(i::text, 3, '0'), 'Thành phố số ' || i, 'district', $1
       FROM generate_series(1, $2) i`,
    [provinceId, CITIES],
  );
  await db.query(
    `INSERT INTO units (code, name, kind, parent_id)
     SELECT 'X-' || lpad(i::text, 5, '0'), 'Phường số ' || i, 'commune',
            (SELECT id FROM units WHERE code = 'H-' || lpad((1 + i % $2)::text, 3, '0'))
       FROM generate_series(1, $1) i`,
    [UNITS, CITIES],
  );
  await seedSubmissions(db, template.id);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM report_submissions`);
  console.log(
    `Set up ${UNITS} wards under ${CITIES} cities and one province, ${count} submissions of ${FIELDS} fields (${bench.mode} database) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const cookie = await signInBenchAdmin(bench.url);
  const base = `/api/v1/reporting/templates/${template.id}/periods/2026-H1`;
  const call = async (path, as = 'json') => {
    const t0 = performance.now();
    const res = await fetch(`${bench.url}${path}`, { headers: { cookie } });
    const body = as === 'json' ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${body}`);
    return { ms: performance.now() - t0, body };
  };

  const matrixTimes = [];
  for (let i = -WARM_UP; i < RUNS; i += 1) {
    const filters = ['', '?status=not_started', '?page=3', '?kind=commune&status=submitted_late'][
      (i + WARM_UP) % 4
    ];
    const { ms, body } = await call(`${base}/tracking${filters}`);
    if (filters === '' && body.counts.total !== UNITS)
      throw new Error(`expected ${UNITS} units, got ${body.counts.total}`);
    if (i >= 0) matrixTimes.push(ms);
  }
  report(
    'Tracking matrix of one period (10,000 units, 500 rows a page, with counts and groups)',
    matrixTimes,
    300,
  );

  // What the totals screen asks first (the top units and the level below), then the whole
  // hierarchy (every ward's sums, as the exports read it).
  for (const [query, label] of [
    ['?scope=top', 'top levels, as the screen asks'],
    ['', 'every unit'],
  ]) {
    const totalsTimes = [];
    let nodes = 0;
    for (let i = -WARM_UP; i < RUNS; i += 1) {
      const { ms, body } = await call(`${base}/totals${query}`);
      nodes = body.nodes.length;
      if (i >= 0) totalsTimes.push(ms);
    }
    report(
      `Totals of one period, ${label} (${nodes} units with sums of ${FIELDS} fields, completeness, series)`,
      totalsTimes,
      300,
    );
  }

  const xlsxTimes = [];
  let xlsxBytes = 0;
  for (let i = 0; i < EXPORT_RUNS; i += 1) {
    const { ms, body } = await call(`${base}/export.xlsx`, 'binary');
    xlsxBytes = body.length;
    xlsxTimes.push(ms);
  }
  report(
    `XLSX export of one period (${(xlsxBytes / 1e6).toFixed(1)} MB, a sheet per reporting unit)`,
    xlsxTimes,
    5000,
  );

  const docxTimes = [];
  for (let i = 0; i < EXPORT_RUNS; i += 1)
    docxTimes.push((await call(`${base}/export.docx`, 'binary')).ms);
  report('DOCX export of one period', docxTimes, 3000);
} finally {
  await bench.close();
}

function report(label, times, targetMs) {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50).toFixed(1);
  const p95 = percentile(sorted, 95).toFixed(1);
  const met = percentile(sorted, 95) < targetMs ? 'met' : 'NOT met';
  console.log(
    `${label}: n=${times.length} p50 ${p50} ms, p95 ${p95} ms  (target < ${targetMs} ms: ${met})`,
  );
}
