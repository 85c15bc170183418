/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The built API for the browser tests: the demo data, the built console served at `/`, and
 * a first administrator; and its client signed in as someone, for what a spec does beside the
 * screens.
 */
import path from 'node:path';
import { createApiClient, type ApiClient } from '@gcm/api-client';
import { expect } from 'vitest';
import {
  API_MAIN,
  REPO_ROOT,
  requireBuilt,
  startBuiltApi,
  type RunningApi,
} from '../../../../api/test/support/run-built-api';

export const ADMIN_DIST = path.join(REPO_ROOT, 'apps/admin/dist');

export interface ApiOptions {
  adminEmail: string;
  adminPassword: string;
  /** More variables for the API (a feature's keys). */
  vars?: Record<string, string>;
}

export type { RunningApi };

/** Fails with the command to run when a build the tests need is missing. */
export function requireBuilds(): void {
  requireBuilt(
    [path.join(ADMIN_DIST, 'index.html'), API_MAIN],
    'npx pnpm@10.34.8 --filter @gcm/api build && npx pnpm@10.34.8 --filter @gcm/admin build',
  );
}

/**
 * The administrator of every spec's API. One for all, so that every API starts on a copy of the
 * run's one template database (firstStart below): the demo data and this administrator.
 */
export const E2E_ADMIN = { email: 'quan.tri.e2e@example.gov.vn', password: 'Mat-khau-e2e-2025' };

/**
 * The variables the API's first start reads; the APIs of a run start on copies of the database
 * one first start with them made (apps/api/test/support/run-built-api.ts).
 */
export function firstStart(admin: { email: string; password: string }): Record<string, string> {
  return { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, DEMO_DATA: 'true' };
}

export function startApi({ adminEmail, adminPassword, vars }: ApiOptions): Promise<RunningApi> {
  const admin = { email: adminEmail, password: adminPassword };
  return startBuiltApi(
    {
      ...firstStart(admin),
      ADMIN_DIST_DIR: ADMIN_DIST,
      // Every test signs in through the form; the default (5 a minute) would refuse the later ones.
      LOGIN_RATE_LIMIT: '100',
      ...vars,
    },
    { template: firstStart(admin) },
  );
}

/** Signs in through the API; the client sends the session token as a bearer token. */
export async function apiAs(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.getSetCookie()[0] ?? '';
  const token = decodeURIComponent(cookie.split(';')[0]!.split('=').slice(1).join('='));
  return createApiClient({ baseUrl, token });
}
