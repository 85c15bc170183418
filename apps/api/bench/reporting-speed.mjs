// The reporting benchmark of issue 11 ("Speed"): 10,000 units and two years of half-yearly
// submissions of 30 fields (40,000 reports). Prints the p50/p95 of
//   - the list of one period's reports with their statuses (GET /api/v1/reporting/submissions
//     ?templateId&periodKey, every owing unit, 50 a page), target p95 < 150 ms;
//   - saving one answer to a draft, target < 5 ms of API time. The API time is the service call
//     timed in this process around ReportSubmissionsService.saveValues (no HTTP, no session or
//     guard): once on its own (its own transaction, so BEGIN and COMMIT included) and once inside
//     a caller's transaction, as the bot's /baocao dialog calls it (the conversation's BEGIN and
//     COMMIT are not the save's). Also the HTTP round trip (PUT …/values), for reference.
//     And the whole of the bot's part in one answer (ReportingDrafts.open, to read the person's
//     input against the draft, then ReportingDrafts.saveAnswer), in the conversation's
//     transaction, with its database round trips: what "saving one answer in a bot
//     conversation" costs the API besides the conversation's own reads and writes.
//     Each draft is saved once per measure; the first WARM_UP saves of each are not counted.
// A benchmark, not a test: it prints figures and fails nothing. Build first (pnpm build).
//   pnpm --filter @gcm/api bench:reporting            (embedded PGlite)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @gcm/api bench:reporting
import { performance } from 'node:perf_hooks';
import { ReportSubmissionsService } from '../dist/modules/reporting/report-submissions.service.js';
import { REPORT_DRAFTS } from '../dist/modules/conversations/unit-ports.js';
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
const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS ?? 200);
const SAVE_RUNS = Number(process.env.BENCH_SAVE_RUNS ?? 500);
/** Runs before measuring (JIT, connection pool, caches), not counted. */
const WARM_UP = 30;

const bench = await startReportingBench();
const db = bench.app.get(DataSource);
try {
  const started = performance.now();
  const { admin, actor, template } = await createBenchTemplate(bench.app, [
    {
      key: 'r1',
      expression: 'field_2 <= field_1',
      message: 'Chỉ tiêu 2 không vượt chỉ tiêu 1.',
    },
  ]);
  await db.query(
    `INSERT INTO units (code, name, kind)
     SELECT 'X-' || lpad(i::text, 5, '0'), 'UBND xã số ' || i, 'commune' FROM generate_series(1, $1) i`,
    [UNITS],
  );
  await seedSubmissions(db, template.id);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM report_submissions`);
  console.log(
    `Set up ${UNITS} units and ${count} submissions of ${FIELDS} fields (${bench.mode} database) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const cookie = await signInBenchAdmin(bench.url);
  const call = async (path, init = {}) => {
    const t0 = performance.now();
    const res = await fetch(`${bench.url}${path}`, {
      ...init,
      headers: { ...init.headers, cookie, 'content-type': 'application/json' },
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, body };
  };

  const listTimes = [];
  for (let i = -WARM_UP; i < LIST_RUNS; i += 1) {
    const page = 1 + ((i + WARM_UP) % 20);
    const filters = ['', '&status=not_started', '&late=true', '&status=submitted'][
      (i + WARM_UP) % 4
    ];
    const { ms, body } = await call(
      `/api/v1/reporting/submissions?templateId=${template.id}&periodKey=2026-H1&page=${page}&pageSize=50${filters}`,
    );
    if (filters === '' && body.total !== UNITS)
      throw new Error(`expected ${UNITS} units, got ${body.total}`);
    if (i >= 0) listTimes.push(ms);
  }
  report('List of one period (10,000 owing units, 50 a page, with statuses)', listTimes, 150);

  const drafts = await db.query(
    `SELECT id, version FROM report_submissions WHERE period_key = '2026-H2' AND status = 'draft' LIMIT $1`,
    [(SAVE_RUNS + WARM_UP) * 4 + 2],
  );
  const draftsOf = (measure) =>
    drafts.slice(measure * (SAVE_RUNS + WARM_UP), (measure + 1) * (SAVE_RUNS + WARM_UP));
  const service = bench.app.get(ReportSubmissionsService);
  // The statements one save sends (BEGIN and COMMIT included), counted through TypeORM's logger.
  const counted = drafts.at(-1);
  const logQuery = db.logger.logQuery.bind(db.logger);
  let statements = 0;
  db.logger.logQuery = (...args) => {
    statements += 1;
    return logQuery(...args);
  };
  await service.saveValues(actor, counted.id, { version: counted.version, values: { field_1: 1 } });
  const ownTransaction = statements;
  let inTransaction = 0;
  await db.transaction(async (manager) => {
    statements = 0;
    await service.saveValues(
      actor,
      counted.id,
      { version: counted.version + 1, values: { field_2: 1 } },
      manager,
    );
    inTransaction = statements;
  });
  // The bot's part of one answer: the draft read, then the answer saved, as /baocao does.
  const botDrafts = bench.app.get(REPORT_DRAFTS, { strict: false });
  const account = {
    userId: admin.user.id,
    role: 'admin',
    fullName: 'Bench admin',
    email: 'bench-admin@gcm.local',
    unitId: null,
    unitName: 'Bench',
    channel: 'telegram',
    chatId: 'bench',
    active: true,
  };
  const botAnswer = async (manager, id, field, value) => {
    const view = await botDrafts.open(manager, account, id);
    const saved = await botDrafts.saveAnswer(manager, account, id, field, value, view.version);
    if (!saved.ok) throw new Error(`the bot's save was refused: ${JSON.stringify(saved)}`);
  };
  let botStatements = 0;
  await db.transaction(async (manager) => {
    statements = 0;
    await botAnswer(manager, drafts.at(-2).id, 'field_3', 1);
    botStatements = statements;
  });
  db.logger.logQuery = logQuery;
  console.log(
    `The bot's part of one answer (draft read + answer saved), database round trips: ${botStatements}`,
  );
  console.log(
    `Saving one answer, database round trips: ${ownTransaction} on its own (BEGIN and COMMIT included), ${inTransaction} inside the caller's transaction`,
  );
  const serviceTimes = [];
  for (const [i, draft] of draftsOf(0).entries()) {
    const t0 = performance.now();
    await service.saveValues(actor, draft.id, {
      version: draft.version,
      values: { field_30: 50 + (i % 7) },
    });
    if (i >= WARM_UP) serviceTimes.push(performance.now() - t0);
  }
  report(
    'Saving one answer, API time (ReportSubmissionsService.saveValues, own transaction)',
    serviceTimes,
    5,
  );

  const inTransactionTimes = [];
  for (const [i, draft] of draftsOf(1).entries()) {
    await db.transaction(async (manager) => {
      const t0 = performance.now();
      await service.saveValues(
        actor,
        draft.id,
        { version: draft.version, values: { field_28: 20 + (i % 3) } },
        manager,
      );
      if (i >= WARM_UP) inTransactionTimes.push(performance.now() - t0);
    });
  }
  report(
    "Saving one answer, API time inside the caller's transaction (as the bot's /baocao)",
    inTransactionTimes,
    5,
  );

  const botTimes = [];
  for (const [i, draft] of draftsOf(3).entries()) {
    await db.transaction(async (manager) => {
      const t0 = performance.now();
      await botAnswer(manager, draft.id, 'field_27', 10 + (i % 3));
      if (i >= WARM_UP) botTimes.push(performance.now() - t0);
    });
  }
  report(
    "Saving one answer in a bot conversation, API time (ReportingDrafts.open + saveAnswer, in the conversation's transaction)",
    botTimes,
    5,
  );

  const httpTimes = [];
  for (const [i, draft] of draftsOf(2).entries()) {
    const { ms } = await call(`/api/v1/reporting/submissions/${draft.id}/values`, {
      method: 'PUT',
      body: JSON.stringify({ version: draft.version, values: { field_29: 40 + (i % 5) } }),
    });
    if (i >= WARM_UP) httpTimes.push(ms);
  }
  report('Saving one answer, HTTP round trip (PUT /reporting/submissions/:id/values)', httpTimes);
} finally {
  await bench.close();
}

function report(label, times, targetMs) {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50).toFixed(2);
  const p95 = percentile(sorted, 95).toFixed(2);
  const target =
    targetMs === undefined
      ? ''
      : `  (target p95 < ${targetMs} ms: ${percentile(sorted, 95) < targetMs ? 'met' : 'NOT met'})`;
  console.log(`${label}: n=${times.length} p50 ${p50} ms, p95 ${p95} ms${target}`);
}
