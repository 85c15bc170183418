/**
 * Template databases for the other apps' end-to-end tests, one per set of first-start variables,
 * made on demand within a test run: the built API (run-built-api.ts) started once on an empty
 * data folder with those variables (initdb, migrations, the demo data, the administrator) and
 * stopped. Each API of those tests then starts on a copy of it, which takes a third of the CPU a
 * first start does; what it serves is the same as after its own first start.
 *
 * The first file that needs a template makes it; files in other workers wait for it (a lock
 * folder). They live under GCM_E2E_TEMPLATE_ROOT, a folder vitest's global setup
 * (built-api-template-setup.ts) makes for the run and removes after it; without that variable
 * (a file run some other way), every API starts on an empty folder as before.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBuiltApi } from './run-built-api';

export const TEMPLATE_ROOT_VAR = 'GCM_E2E_TEMPLATE_ROOT';

/** Longer than a first start with the demo data on a loaded machine. */
const WAIT_FOR_OTHER_MS = 180_000;

/**
 * The data folder of the API first started with `vars` (no DATA_DIR, no DATABASE_URL: the
 * variables the first start reads, such as DEMO_DATA and ADMIN_*), made the first time;
 * undefined when the run has no template root, or another worker did not make it in time.
 */
export async function templateDataDir(vars: Record<string, string>): Promise<string | undefined> {
  const root = process.env[TEMPLATE_ROOT_VAR];
  if (!root || !existsSync(root)) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify(Object.entries(vars).sort(([a], [b]) => a.localeCompare(b))))
    .digest('hex')
    .slice(0, 16);
  const ready = path.join(root, key);
  const lock = path.join(root, `${key}.making`);
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is making it.
      if (Date.now() > deadline) return undefined;
      await sleep(250);
      continue;
    }
    try {
      const making = mkdtempSync(path.join(root, 'making-'));
      const api = await startBuiltApi({ ...vars, DATA_DIR: making });
      await api.stop();
      renameSync(making, ready);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return ready;
}

/**
 * Copies the template made with `vars` into `dataDir` when that folder is empty (or missing)
 * and the run has a template root.
 */
export async function fromTemplate(dataDir: string, vars: Record<string, string>): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  const template = await templateDataDir(vars);
  if (template) cpSync(template, dataDir, { recursive: true });
}
