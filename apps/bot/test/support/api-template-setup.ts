/**
 * Vitest global setup (vitest.config.mts): a folder for this run's template database
 * (api-template.ts), removed when the run ends. Nothing is started here: a run of unit specs
 * only never makes the template.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEMPLATE_ROOT_VAR } from './api-template';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-template-'));
  process.env[TEMPLATE_ROOT_VAR] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
