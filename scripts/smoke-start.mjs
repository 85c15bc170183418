// Starts the built API on the embedded default in a fresh data folder, waits for /health,
// checks what it printed, and reports the start-up time. Used by .ci/run; run it yourself
// after a build with: node scripts/smoke-start.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-smoke-'));
const port = 3900 + Math.floor(Math.random() * 50);
const started = Date.now();
const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    API_PORT: String(port),
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));

const fail = (message) => {
  console.error(`smoke-start: ${message}\n${output}`);
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
};

const deadline = Date.now() + 60_000;
while (true) {
  if (Date.now() > deadline) fail('no healthy answer within 60 s');
  if (child.exitCode !== null) fail(`the API exited with code ${child.exitCode}`);
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    if (res.ok) {
      const body = await res.json();
      if (body.database !== 'up') fail(`database is ${body.database}`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 100));
}
const healthyMs = Date.now() - started;
for (const expected of ['API docs:', 'Console:', `data folder ${dataDir}`, 'One-time password:']) {
  if (!output.includes(expected)) fail(`start-up output lacks "${expected}"`);
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `smoke-start: API healthy on the embedded database ${healthyMs} ms after launch (fresh data folder, demo data loaded)`,
);
