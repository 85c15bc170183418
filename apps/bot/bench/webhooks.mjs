// Throughput and latency of the bot gateway in webhook mode, end to end: the built API
// (apps/api/dist) and the built bot (apps/bot/dist) as their own processes, a fake Telegram
// Bot API (bench/fake-telegram.mjs, a process of its own) and this script as the load generator.
//
// It posts BENCH_UPDATES updates (default 2000; distinct chats and update ids; questions from
// the qa-dev set, in turn) to the bot's /webhooks/telegram: first at most BENCH_CONCURRENCY at a
// time (default 100, Telegram's most: the most the system takes), then for BENCH_RATE_SECONDS
// (default 10) at each fixed rate of BENCH_RATES (default 100,200,300,400,500 a second, sent on
// time whatever the answers, as Telegram does: the latency at that load). It measures from each
// POST's send time to the arrival of that chat's reply at the fake (its receive timestamps,
// matched by chat id), and counts the replies by kind (answer, choice, no answer, other). The
// API has the demo data (61 starter FAQs) plus the 24 qa-dev FAQs, published. BENCH_WARMUP
// updates (default 200) go first, unmeasured.
//
//   pnpm --filter @gcm/bot bench:webhooks              PGlite (embedded)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test pnpm --filter @gcm/bot bench:webhooks
//                                                       PGlite, then a fresh database on that server
//
// Other knobs: BENCH_DIRECT=1 also posts the same events straight to the API's /bot/events (no
// bot, no Telegram), to split the time between the API and the bot; BENCH_CPU_PROF=<dir> runs
// the API and the bot with --cpu-prof; BENCH_API_ENV='{"DATABASE_POOL_SIZE":"20"}' adds API
// variables; BENCH_ONLY=server skips PGlite. Build first: the API and the bot.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServerDatabase } from '@gcm/testing';

const BOT_DIR = path.resolve(import.meta.dirname, '..');
const REPO = path.resolve(BOT_DIR, '..', '..');
const API_MAIN = path.join(REPO, 'apps/api/dist/main.js');
const BOT_MAIN = path.join(BOT_DIR, 'dist/main.js');
const QA_DIR = process.env.QA_DEV_DIR ?? path.resolve(REPO, 'packages/domain/test/fixtures/qa-dev');

const UPDATES = Number(process.env.BENCH_UPDATES ?? 2000);
// Telegram keeps at most max_connections (1-100) webhook requests open at once.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const RATES = (process.env.BENCH_RATES ?? '100,200,300,400,500')
  .split(',')
  .filter(Boolean)
  .map(Number);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const DIRECT = process.env.BENCH_DIRECT === '1';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const EXTRA_API_ENV = JSON.parse(process.env.BENCH_API_ENV ?? '{}');

const SERVICE_TOKEN = `bench-${randomBytes(16).toString('hex')}`;
const TELEGRAM_TOKEN = '123456:BENCH-token';
const WEBHOOK_SECRET = 'bench_webhook_secret';
const ADMIN = { email: 'bench-admin@gcm.local', password: 'Bench-admin-2026!' };

const now = () => performance.timeOrigin + performance.now();

for (const file of [API_MAIN, BOT_MAIN]) {
  if (!existsSync(file)) {
    console.error(
      `missing ${file}: build first (npx pnpm@10.34.8 --filter @gcm/api build && npx pnpm@10.34.8 --filter @gcm/bot build)`,
    );
    process.exit(1);
  }
}
const questions = JSON.parse(readFileSync(path.join(QA_DIR, 'questions.json'), 'utf8')).map(
  (q) => q.q,
);
const devFaqs = JSON.parse(readFileSync(path.join(QA_DIR, 'faqs.json'), 'utf8'));

// --- Processes -----------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `node main` with only `env`, resolving once its output shows `readyText`. */
async function startProcess(label, main, env, readyText) {
  const args = CPU_PROF
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${CPU_PROF}`,
        `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`,
        main,
      ]
    : [main];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (!output.includes(readyText)) {
    if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`${label} did not start within 120 s:\n${output}`);
    await sleep(50);
  }
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function startFakeTelegram() {
  const child = fork(path.join(import.meta.dirname, 'fake-telegram.mjs'), [], {
    env: { PATH: process.env.PATH ?? '', FAKE_TELEGRAM_TOKEN: TELEGRAM_TOKEN },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
  return {
    child,
    apiRoot: `http://127.0.0.1:${port}`,
    /** Arrivals since the last call: [chatId, epochMs][]. */
    records: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m.records));
        child.send({ type: 'records' });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

// --- CPU accounting ------------------------------------------------------------------------------

const TICK_MS = 10; // USER_HZ = 100 on Linux

function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU of every PostgreSQL server process on this machine (0 without one). */
function postgresCpuMs() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.indexOf(')')) === 'postgres')
        total += cpuMsOf(entry);
    } catch {
      // gone
    }
  }
  return total;
}

function cpuSnapshot(processes) {
  const self = process.cpuUsage();
  return {
    ...Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMsOf(pid)])),
    'load generator': (self.user + self.system) / 1000,
    postgres: postgresCpuMs(),
  };
}

// --- Load ----------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(url, headers, body) {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', (error) => resolve(error.code ?? 'no answer'));
    req.end(body);
  });
}

/** Runs `count` jobs, at most `concurrency` at a time; job(i) → its result. */
async function pool(count, concurrency, job) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await job(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

let nextUpdateId = 1;

function telegramUpdate(chatId, text) {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Lan' },
      from: { id: chatId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
      text,
    },
  };
}

/**
 * Posts `count` updates of new chats from `chatBase` to the bot; per chat, when it was sent.
 * Without `rate`, at most CONCURRENCY at a time, each as soon as a slot frees (the most the
 * system can take); with `rate`, one every 1/rate s whatever the answers (how Telegram sends:
 * the latency at a given load).
 */
async function loadWebhooks(botUrl, count, chatBase, rate) {
  const url = `${botUrl}/webhooks/telegram`;
  const headers = { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET };
  const send = async (i) => {
    const chatId = chatBase + i;
    const body = JSON.stringify(telegramUpdate(chatId, questions[i % questions.length]));
    const sentAt = now();
    const status = await post(url, headers, body);
    return { chatId: String(chatId), sentAt, doneAt: now(), status };
  };
  if (!rate) return pool(count, CONCURRENCY, send);
  const started = now();
  const sends = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    if (due > now()) await sleep(due - now());
    sends.push(send(i));
  }
  return Promise.all(sends);
}

/** The same questions as BotEvents straight to the API (what the bot posts for each update). */
async function loadApi(apiUrl, count, chatBase) {
  const url = `${apiUrl}/api/v1/bot/events`;
  const headers = { authorization: `Bearer ${SERVICE_TOKEN}` };
  return pool(count, CONCURRENCY, async (i) => {
    const chatId = String(chatBase + i);
    const event = {
      channel: 'telegram',
      updateId: `direct-${chatId}`,
      chatId,
      user: { id: chatId, displayName: 'Lan', languageCode: 'vi' },
      type: 'text',
      text: questions[i % questions.length],
    };
    const sentAt = now();
    const status = await post(url, headers, JSON.stringify(event));
    return { chatId, sentAt, doneAt: now(), status };
  });
}

// --- Figures -------------------------------------------------------------------------------------

function percentile(sorted, p) {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (x) => `${x.toFixed(0)} ms`;

function figures(sends, records) {
  const arrivals = new Map();
  const kinds = new Map();
  for (const [chatId, at, kind] of records) {
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const seen = arrivals.get(chatId);
    if (seen) {
      seen.first = Math.min(seen.first, at);
      seen.last = Math.max(seen.last, at);
      seen.count += 1;
    } else arrivals.set(chatId, { first: at, last: at, count: 1 });
  }
  const first = [];
  const last = [];
  const roundTrip = [];
  let unanswered = 0;
  const failed = new Map();
  let messages = 0;
  for (const send of sends) {
    if (send.status !== 200) failed.set(send.status, (failed.get(send.status) ?? 0) + 1);
    roundTrip.push(send.doneAt - send.sentAt);
    const arrival = arrivals.get(send.chatId);
    if (!arrival) {
      unanswered += 1;
      continue;
    }
    messages += arrival.count;
    first.push(arrival.first - send.sentAt);
    last.push(arrival.last - send.sentAt);
  }
  for (const list of [first, last, roundTrip]) list.sort((a, b) => a - b);
  const start = Math.min(...sends.map((s) => s.sentAt));
  const end = Math.max(...sends.map((s) => s.doneAt), ...[...arrivals.values()].map((a) => a.last));
  const errors = [...failed].map(([status, n]) => `${n} × ${status}`).join(', ');
  return {
    first,
    last,
    roundTrip,
    unanswered,
    failed: errors ? `webhook errors: ${errors}` : '0 webhook errors',
    messages,
    kinds: [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', '),
    seconds: (end - start) / 1000,
  };
}

function cpuLine(before, after, count) {
  return Object.keys(after)
    .map((name) => [name, (after[name] - before[name]) / count])
    .filter(([, perUpdate]) => perUpdate >= 0.05)
    .map(([name, perUpdate]) => `${name} ${perUpdate.toFixed(2)}`)
    .join(', ');
}

// --- One database --------------------------------------------------------------------------------

async function benchmark(label, databaseUrl) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-bench-'));
  const stops = [];
  try {
    const telegram = await startFakeTelegram();
    stops.push(telegram.stop);
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = await startProcess(
      'api',
      API_MAIN,
      {
        NODE_ENV: 'production',
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        BOT_SERVICE_TOKEN: SERVICE_TOKEN,
        DEMO_DATA: 'true',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...EXTRA_API_ENV,
      },
      'GCM Helpdesk API ready',
    );
    stops.unshift(api.stop);
    await importDevFaqs(apiUrl);

    const botPort = await freePort();
    const botUrl = `http://127.0.0.1:${botPort}`;
    const bot = await startProcess(
      'bot',
      BOT_MAIN,
      {
        NODE_ENV: 'production',
        BOT_HOST: '127.0.0.1',
        BOT_PORT: String(botPort),
        DATA_DIR: dataDir,
        API_URL: apiUrl,
        BOT_SERVICE_TOKEN: SERVICE_TOKEN,
        TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_URL: `${botUrl}/webhooks/telegram`,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_WEBHOOK_MAX_CONNECTIONS: String(Math.min(100, CONCURRENCY)),
        // The pipeline is measured, not Telegram's 30 messages a second (each update's reply
        // goes to a chat of its own, so the one a second per chat does not bind).
        TELEGRAM_MESSAGES_PER_SECOND: '1000',
      },
      '(channels: ',
    );
    stops.unshift(bot.stop);

    await loadWebhooks(botUrl, WARMUP, 700_000_000);
    await telegram.records();

    const pids = { api: api.child.pid, bot: bot.child.pid, 'fake Telegram': telegram.child.pid };
    let chatBase = 800_000_000;
    for (const rate of [undefined, ...RATES]) {
      const count = rate ? Math.max(WARMUP, Math.round(rate * RATE_SECONDS)) : UPDATES;
      const before = cpuSnapshot(pids);
      const sends = await loadWebhooks(botUrl, count, chatBase, rate);
      const after = cpuSnapshot(pids);
      chatBase += 10_000_000;
      const f = figures(sends, await telegram.records());
      const load = rate ? `offered ${rate}/s for ${RATE_SECONDS} s` : `concurrency ${CONCURRENCY}`;
      console.log(
        `${label}: ${count} updates, ${load}: ${(count / f.seconds).toFixed(0)} updates/s; ` +
          `reply latency p50 ${ms(percentile(f.first, 50))}, p95 ${ms(percentile(f.first, 95))}, p99 ${ms(percentile(f.first, 99))} ` +
          `(last message of the reply p95 ${ms(percentile(f.last, 95))}); ${f.messages} messages (${f.kinds}), ` +
          `${f.failed}, ${f.unanswered} unanswered`,
      );
      console.log(
        `  CPU ms per update: ${cpuLine(before, after, count)} (${cpus().length} cores shared by all)`,
      );
    }

    if (DIRECT) {
      const apiPids = { api: api.child.pid };
      const directBefore = cpuSnapshot(apiPids);
      const direct = await loadApi(apiUrl, UPDATES, 900_000_000);
      const directAfter = cpuSnapshot(apiPids);
      const d = figures(direct, []);
      direct.sort((a, b) => a.sentAt - b.sentAt);
      console.log(
        `  API alone (POST /bot/events, same questions and concurrency): ${(UPDATES / d.seconds).toFixed(0)} events/s; ` +
          `p50 ${ms(percentile(d.roundTrip, 50))}, p95 ${ms(percentile(d.roundTrip, 95))}, p99 ${ms(percentile(d.roundTrip, 99))}; ` +
          `${d.failed}; CPU ms per event: ${cpuLine(directBefore, directAfter, UPDATES)}`,
      );
    }
  } finally {
    for (const stop of stops) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function importDevFaqs(apiUrl) {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const rows = devFaqs.map((faq) => ({ ...faq, status: 'published' }));
  const res = await fetch(`${apiUrl}/api/v1/knowledge/faqs/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(rows),
  });
  if (!res.ok) throw new Error(`FAQ import answered ${res.status}: ${await res.text()}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// --- Main ----------------------------------------------------------------------------------------

console.log(
  `Bot webhooks benchmark: API, bot, fake Telegram and this load generator on ${cpus().length} cores` +
    ` (${cpus()[0]?.model ?? 'unknown CPU'}); load average now ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
);
if (process.env.BENCH_ONLY !== 'server') await benchmark('PGlite', undefined);
if (process.env.BENCH_DATABASE_URL) {
  const database = await createServerDatabase(process.env.BENCH_DATABASE_URL, 'bench');
  try {
    await benchmark('PostgreSQL', database.url);
  } finally {
    await database.drop();
  }
}
agent.destroy();
