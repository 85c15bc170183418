/**
 * One embedded database for the whole test run, made on demand: the built API started once on an
 * empty data folder with HELPDESK_API_VARS (initdb, migrations, the demo data, the administrator)
 * and stopped. The end-to-end files start their APIs on copies of it (startHelpdeskApi with an
 * empty DATA_DIR), which takes a third of the CPU a first start does; what each API serves is the
 * same as after its own first start.
 *
 * The first file that needs it makes it; the others, in other workers, wait for it (a lock
 * folder). It lives under GCM_E2E_TEMPLATE_ROOT, a folder vitest's global setup
 * (api-template-setup.ts) makes for the run and removes after it; without that variable (a file
 * run some other way), every API starts on an empty folder as before.
 */
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
import { startBuiltApi } from '@gcm/api/test/support/run-built-api';

export const TEMPLATE_ROOT_VAR = 'GCM_E2E_TEMPLATE_ROOT';

/** Longer than a first start with the demo data on a loaded machine. */
const WAIT_FOR_OTHER_MS = 180_000;

/**
 * The template data folder, made with `vars` (HELPDESK_API_VARS) the first time; undefined when
 * the run has no template root or another worker failed to make it in time.
 */
export async function templateDataDir(vars: Record<string, string>): Promise<string | undefined> {
  const root = process.env[TEMPLATE_ROOT_VAR];
  if (!root || !existsSync(root)) return undefined;
  const ready = path.join(root, 'data');
  const lock = path.join(root, 'making');
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

/** Copies the template into `dataDir` when it is empty and the run has a template. */
export async function fromTemplate(dataDir: string, vars: Record<string, string>): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  const template = await templateDataDir(vars);
  if (template) cpSync(template, dataDir, { recursive: true });
}
