/**
 * The built API (run-built-api.ts, a process of its own) as the bot's end-to-end tests use it:
 * the bot's service token set, the demo data loaded (the starter FAQs of starter-content.ts),
 * and an administrator signed in over HTTP for the staff side: FAQs, the inbox, broadcasts.
 *
 *   const api = await startHelpdeskApi({ DATABASE_URL: database.url });
 *   const res = await api.staff('/broadcasts', { body: { articleId } });
 *   await api.close();
 */
import { expect } from 'vitest';
import { fromTemplate, startBuiltApi, type RunningApi } from '@gcm/api/test/support/run-built-api';

export const SERVICE_TOKEN = 'e2e-bot-service-token-4f9c1d2b7a6e';
export const ADMIN = { email: 'admin-e2e@gcm.local', password: 'Admin-e2e-2026!' };

/** Every such API's variables; the caller adds where its data lives (DATA_DIR or DATABASE_URL). */
export const HELPDESK_API_VARS: Readonly<Record<string, string>> = {
  BOT_SERVICE_TOKEN: SERVICE_TOKEN,
  DEMO_DATA: 'true',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  // The tests ask many questions and sign in from one address: the limits are not under test.
  PUBLIC_RATE_LIMIT: '10000',
  LOGIN_RATE_LIMIT: '100',
};

export interface StaffRequest {
  /** GET without a body, POST with one, unless given. */
  method?: string;
  body?: unknown;
}

export interface HelpdeskApi extends RunningApi {
  /** The administrator's session cookie: good on every API instance of the same database. */
  cookie: string;
  /** Calls /api/v1`path` as the signed-in administrator. */
  staff(path: string, init?: StaffRequest): Promise<Response>;
  /** staff(), failing the test unless it answers `status`; the body as JSON. */
  staffJson<T>(path: string, init?: StaffRequest, status?: number): Promise<T>;
  /** POST /api/v1/assistant/ask (public) */
  ask(text: string): Promise<{
    status: string;
    faq?: { id: string; question: string };
    suggestions: { id: string; question: string }[];
    /** It sounds like someone in danger: the bot gives the emergency route and hands over. */
    danger: boolean;
  }>;
  /** Stops the process, then frees what `release` frees. */
  close(): Promise<void>;
}

/**
 * Starts the built API with HELPDESK_API_VARS and `vars`, and signs the administrator in.
 * `release` frees what the caller made for this API (a database, a data folder): after
 * close(), or at once when the start fails.
 */
export async function startHelpdeskApi(
  vars: Record<string, string>,
  release: () => Promise<void> = async () => {},
): Promise<HelpdeskApi> {
  let api: RunningApi;
  try {
    // An empty embedded data folder, the caller's or the API's own, starts as a copy of the
    // run's template (apps/api/test/support/run-built-api.ts).
    if (vars.DATA_DIR && !vars.DATABASE_URL) await fromTemplate(vars.DATA_DIR, HELPDESK_API_VARS);
    api = await startBuiltApi({ ...HELPDESK_API_VARS, ...vars }, { template: HELPDESK_API_VARS });
  } catch (error) {
    await release();
    throw error;
  }
  const url = (path: string) => `${api.baseUrl}/api/v1${path}`;
  const login = await fetch(url('/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status, await login.clone().text()).toBeLessThan(300);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toMatch(/^gcm_session=/);

  const staff: HelpdeskApi['staff'] = (path, init = {}) =>
    fetch(url(path), {
      method: methodOf(init),
      headers: { cookie, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  return {
    ...api,
    cookie,
    staff,
    async staffJson<T>(path: string, init: StaffRequest = {}, status = 200) {
      const res = await staff(path, init);
      const text = await res.text();
      expect(res.status, `${methodOf(init)} ${path}: ${text}`).toBe(status);
      return JSON.parse(text) as T;
    },
    async ask(text) {
      const res = await fetch(url('/assistant/ask'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Awaited<ReturnType<HelpdeskApi['ask']>>;
    },
    async close() {
      await api.stop();
      await release();
    },
  };
}

const methodOf = (init: StaffRequest) => init.method ?? (init.body === undefined ? 'GET' : 'POST');

/** The first candidate the API's matcher gives `status`, or undefined. */
export async function firstWithStatus(api: HelpdeskApi, candidates: string[], status: string) {
  for (const text of candidates) {
    if ((await api.ask(text)).status === status) return text;
  }
  return undefined;
}

export interface InboxItem {
  id: string;
  channel: string;
  question: string;
  status: string;
}

/** The staff inbox (handoff items), newest first; only those of `status` when given. */
export async function inbox(api: HelpdeskApi, status?: string): Promise<InboxItem[]> {
  const query = `pageSize=200${status ? `&status=${status}` : ''}`;
  return (await api.staffJson<{ items: InboxItem[] }>(`/assistant/handoffs?${query}`)).items;
}

/** The conversation behind an inbox item, as staff read it. */
export async function transcript(
  api: HelpdeskApi,
  itemId: string,
): Promise<{ direction: string; text?: string }[]> {
  type Message = { direction: string; text?: string };
  return (await api.staffJson<{ items: Message[] }>(`/assistant/handoffs/${itemId}/messages`))
    .items;
}
