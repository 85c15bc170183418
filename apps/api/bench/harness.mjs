// Shared by the benchmark scripts: the built API on a fresh database (in-memory PGlite, or
// a new database on BENCH_DATABASE_URL's server), with an editor signed in over HTTP.
import { createServerDatabase } from '@gcm/testing';
import { createApp } from '../dist/app.factory.js';
import { loadEnv } from '../dist/config/env.js';
import { startEmbeddedDatabase } from '../dist/database/embedded-database.js';
import { FirstRunService } from '../dist/database/seeds/first-run.service.js';
import { UsersService } from '../dist/modules/users/users.service.js';

export async function startBenchApp(serverUrl = process.env.BENCH_DATABASE_URL, options = {}) {
  const database = serverUrl ? await freshServerDatabase(serverUrl) : await embedded();
  const env = loadEnv({
    LOG_LEVEL: 'error',
    DEMO_DATA: 'false',
    PUBLIC_RATE_LIMIT: '1000000',
    ADMIN_DIST_DIR: '/nonexistent',
  });
  const app = await createApp(env, database, { clock: options.clock });
  await app.get(FirstRunService).run();
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const email = 'bench-editor@gcm.local';
  const password = 'Chay-thu-hieu-nang-2026';
  await app.get(UsersService).create(null, { email, fullName: 'Bench', role: 'editor', password });
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  return {
    url,
    app,
    mode: database.mode,
    editorFetch: (path, init = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { ...init.headers, cookie } }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function askQuestion(url, text) {
  const res = await fetch(`${url}/api/v1/assistant/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(`ask answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function embedded() {
  const db = await startEmbeddedDatabase();
  return { url: db.url, mode: 'embedded', close: db.close };
}

async function freshServerDatabase(serverUrl) {
  const database = await createServerDatabase(serverUrl, 'bench');
  return { url: database.url, mode: 'server', close: database.drop };
}
