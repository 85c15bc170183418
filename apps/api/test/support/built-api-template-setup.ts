/**
 * Vitest global setup of the end-to-end tests that start the built API (the bot's, the
 * console's): a folder for this run's template databases (run-built-api.ts, templateDataDir), removed when
 * the run ends. Nothing is started here: a run that starts no API never makes a template.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEMPLATE_ROOT_VAR } from './run-built-api';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-template-'));
  process.env[TEMPLATE_ROOT_VAR] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
