import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  AskResponse,
  BroadcastResponse,
  ConversationMessage,
  CreatePlanTaskRequest,
  CreateTaskUpdateRequest,
  HealthResponse,
  LoginResponse,
  Page,
  PlanTaskResponse,
  ReportDraftConflict,
  TaskUpdateResponse,
  UnitResponse,
  UserResponse,
} from '@gcm/domain';
import { POLICE_MIGRATION_STATISTICS_TEMPLATE } from '@gcm/domain';
import { ApiError, createApiClient, type FetchFn } from './index';

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON. */
  raw?: string;
  delayMs?: number;
}

/** A tiny real HTTP server on 127.0.0.1: records each request and answers the queued reply. */
function createFakeApi() {
  const requests: Recorded[] = [];
  let reply: Reply = { status: 200, body: {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const send = () => {
        if (reply.raw !== undefined) {
          res.writeHead(reply.status, { 'Content-Type': 'text/html' }).end(reply.raw);
        } else if (reply.body === undefined) {
          res.writeHead(reply.status).end();
        } else {
          res
            .writeHead(reply.status, { 'Content-Type': 'application/json' })
            .end(JSON.stringify(reply.body));
        }
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  return {
    requests,
    server,
    answer(next: Reply) {
      reply = next;
    },
    get last(): Recorded {
      const last = requests.at(-1);
      if (!last) throw new Error('no request received');
      return last;
    },
  };
}

const userFactory = (overrides: Partial<UserResponse> = {}): UserResponse => ({
  id: 'u-1',
  email: 'can.bo@example.gov.vn',
  fullName: 'Nguyễn Văn A',
  role: 'admin',
  unitId: null,
  isActive: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const api = createFakeApi();
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => api.server.close(resolve));
});

beforeEach(() => {
  api.requests.length = 0;
});

describe('createApiClient: requests', () => {
  it('posts the login body as JSON and returns the parsed answer', async () => {
    const answer: LoginResponse = { user: userFactory(), expiresAt: '2025-01-01T12:00:00.000Z' };
    api.answer({ status: 200, body: answer });
    const sut = createApiClient({ baseUrl });

    const result = await sut.auth.login({ email: 'a@b.vn', password: 'mat-khau-123' });

    expect(result).toEqual(answer);
    expect(api.last.method).toBe('POST');
    expect(api.last.path).toBe('/api/v1/auth/login');
    expect(api.last.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.last.body)).toEqual({ email: 'a@b.vn', password: 'mat-khau-123' });
  });

  it('sends list queries as search params, leaving out empty values', async () => {
    const page: Page<UserResponse> = { items: [userFactory()], total: 1, page: 2, pageSize: 20 };
    api.answer({ status: 200, body: page });
    const sut = createApiClient({ baseUrl });

    const result = await sut.users.list({
      search: 'Nguyễn',
      role: undefined,
      page: 2,
      pageSize: 20,
    });

    expect(result).toEqual(page);
    expect(api.last.path).toBe('/api/v1/users');
    expect(api.last.query).toEqual({ search: 'Nguyễn', page: '2', pageSize: '20' });
  });

  it('writes booleans in the query as true/false', async () => {
    const page: Page<UnitResponse> = { items: [], total: 0, page: 1, pageSize: 50 };
    api.answer({ status: 200, body: page });
    const sut = createApiClient({ baseUrl });

    await sut.units.list({ kind: 'commune', includeDeleted: true, search: '' });

    expect(api.last.query).toEqual({ kind: 'commune', includeDeleted: 'true' });
  });

  it('posts CSV as text/csv with the dryRun flag', async () => {
    api.answer({ status: 200, body: { created: 2, updated: 0, dryRun: true } });
    const sut = createApiClient({ baseUrl });
    const csv = 'code,name,kind\nX1,Xã Một,commune\n';

    const result = await sut.units.importCsv(csv, { dryRun: true });

    expect(result).toEqual({ created: 2, updated: 0, dryRun: true });
    expect(api.last.path).toBe('/api/v1/units/import');
    expect(api.last.query).toEqual({ dryRun: 'true' });
    expect(api.last.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(api.last.body).toBe(csv);
  });

  it('sends PATCH bodies and encodes ids in the path', async () => {
    api.answer({ status: 200, body: userFactory({ fullName: 'Trần Thị B' }) });
    const sut = createApiClient({ baseUrl });

    await sut.users.update('a/../b', { fullName: 'Trần Thị B' });

    expect(api.last.method).toBe('PATCH');
    expect(api.last.path).toBe('/api/v1/users/a%2F..%2Fb');
    expect(JSON.parse(api.last.body)).toEqual({ fullName: 'Trần Thị B' });
  });

  it('returns undefined for 204 answers', async () => {
    api.answer({ status: 204 });
    const sut = createApiClient({ baseUrl });

    await expect(sut.units.remove('u-9')).resolves.toBeUndefined();
    expect(api.last.method).toBe('DELETE');
    expect(api.last.path).toBe('/api/v1/units/u-9');
  });

  it('releases an update whose replies the bot could not send', async () => {
    api.answer({ status: 204 });
    const sut = createApiClient({ baseUrl, token: 'svc' });

    await expect(
      sut.bot.releaseUpdate({ channel: 'telegram', updateId: '7001' }),
    ).resolves.toBeUndefined();
    expect(api.last.method).toBe('POST');
    expect(api.last.path).toBe('/api/v1/bot/updates/release');
    expect(JSON.parse(api.last.body)).toEqual({ channel: 'telegram', updateId: '7001' });
  });

  it('sends the bearer token, read from a function before each request', async () => {
    api.answer({ status: 200, body: userFactory() });
    let token = 'first';
    const sut = createApiClient({ baseUrl, token: () => token });

    await sut.auth.me();
    token = 'second';
    await sut.auth.me();

    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('sends no Authorization header without a token, and passes credentials to fetch', async () => {
    api.answer({ status: 200, body: userFactory() });
    const seen: string[] = [];
    const spy: FetchFn = (url, init) => {
      seen.push(String(init.credentials));
      return fetch(url, init);
    };
    const sut = createApiClient({ baseUrl, credentials: 'include', fetch: spy });

    await sut.auth.me();

    expect(seen).toEqual(['include']);
    expect(api.last.headers.authorization).toBeUndefined();
  });

  it('reads /health outside /api/v1 and returns a 503 health report', async () => {
    const report: HealthResponse = {
      status: 'degraded',
      database: 'down',
      databaseMode: 'embedded',
      version: '0.1.0',
    };
    api.answer({ status: 503, body: report });
    const sut = createApiClient({ baseUrl });

    await expect(sut.health()).resolves.toEqual(report);
    expect(api.last.path).toBe('/health');
  });
});

describe('createApiClient: photos of confidential reports', () => {
  it("reads a report's photo as a Blob, and an error as an ApiError", async () => {
    api.answer({ status: 200, raw: 'not-really-a-png' });
    const sut = createApiClient({ baseUrl });

    const blob = await sut.tips.photo('t 1', 'e-1');

    expect(api.last).toMatchObject({ method: 'GET', path: '/api/v1/tips/t%201/photos/e-1' });
    expect(await blob.text()).toBe('not-really-a-png');
    api.answer({ status: 404, body: { code: 'tip_photo_not_stored', message: 'being fetched' } });
    await expect(sut.tips.photo('t-1', 'e-1')).rejects.toMatchObject({
      status: 404,
      code: 'tip_photo_not_stored',
    });
  });

  it("uploads a fetched file's bytes as they are, under its key", async () => {
    api.answer({ status: 204 });
    const sut = createApiClient({ baseUrl, token: 'svc' });

    await sut.bot.uploadFile('tip_photo:e-1', new Blob([Buffer.from('PNG bytes')]));

    expect(api.last).toMatchObject({
      method: 'PUT',
      path: '/api/v1/bot/files/tip_photo%3Ae-1',
      body: 'PNG bytes',
    });
    expect(api.last.headers['content-type']).toBe('application/octet-stream');
  });
});

describe('createApiClient: knowledge and questions', () => {
  it('asks a citizen question and returns the answer as the API gave it', async () => {
    const answer: AskResponse = {
      status: 'no_answer',
      confidence: 0.1,
      suggestions: [],
      locale: 'vi',
      handoffId: 'h-1',
      inField: true,
      danger: false,
    };
    api.answer({ status: 200, body: answer });
    const sut = createApiClient({ baseUrl });

    expect(await sut.assistant.ask({ text: 'đi xkld cần gì', locale: 'vi' })).toEqual(answer);
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/assistant/ask' });
    expect(JSON.parse(api.last.body)).toEqual({ text: 'đi xkld cần gì', locale: 'vi' });
  });

  it('imports FAQs with its options in the query', async () => {
    api.answer({
      status: 200,
      body: { created: 1, updated: 0, unchanged: 0, rejected: 0, rolledBack: false, rows: [] },
    });
    const sut = createApiClient({ baseUrl });

    await sut.knowledge.importFaqs([{ topic: 'T', question: 'Q?', answer: 'A.' }], {
      allOrNothing: true,
      defaultStatus: 'published',
    });

    expect(api.last.path).toBe('/api/v1/knowledge/faqs/import');
    expect(api.last.query).toEqual({ allOrNothing: 'true', defaultStatus: 'published' });
    expect(JSON.parse(api.last.body)).toHaveLength(1);
  });
});

describe('createApiClient: inbox, broadcasts, statistics', () => {
  it('reads the question log with its filters in the query', async () => {
    api.answer({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } });
    const sut = createApiClient({ baseUrl });

    await sut.assistant.questions({
      status: 'no_answer',
      channel: 'zalo',
      feedback: 'not_useful',
      from: '2026-11-01',
      to: '2026-11-07',
      page: 1,
      pageSize: 20,
    });

    expect(api.last.path).toBe('/api/v1/assistant/questions');
    expect(api.last.query).toEqual({
      status: 'no_answer',
      channel: 'zalo',
      feedback: 'not_useful',
      from: '2026-11-01',
      to: '2026-11-07',
      page: '1',
      pageSize: '20',
    });
  });

  it('replies to an inbox item and reads its conversation', async () => {
    const message: ConversationMessage = {
      seq: 7,
      direction: 'out',
      text: 'Chào anh, mời anh đến Công an phường.',
      createdAt: '2026-11-02T03:00:00.000Z',
    };
    api.answer({ status: 201, body: message });
    const sut = createApiClient({ baseUrl });

    expect(await sut.assistant.reply('h/1', { text: message.text ?? '' })).toEqual(message);
    expect(api.last).toMatchObject({
      method: 'POST',
      path: '/api/v1/assistant/handoffs/h%2F1/replies',
    });
    expect(JSON.parse(api.last.body)).toEqual({ text: message.text });

    api.answer({ status: 200, body: { items: [message] } });
    expect((await sut.assistant.handoffMessages('h-1')).items).toEqual([message]);
    expect(api.last).toMatchObject({
      method: 'GET',
      path: '/api/v1/assistant/handoffs/h-1/messages',
    });
  });

  it('sends a broadcast, lists broadcasts and reads one with its counts', async () => {
    const broadcast: BroadcastResponse = {
      id: 'b-1',
      articleId: 'a-1',
      topicId: null,
      localityId: 'u-1',
      createdAt: '2026-11-02T03:00:00.000Z',
      counts: { queued: 2, sending: 0, sent: 5, failed: 1, unreachable: 1, total: 9 },
    };
    const sut = createApiClient({ baseUrl });

    api.answer({ status: 201, body: broadcast });
    expect(await sut.broadcasts.create({ articleId: 'a-1', localityId: 'u-1' })).toEqual(broadcast);
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/broadcasts' });
    expect(JSON.parse(api.last.body)).toEqual({ articleId: 'a-1', localityId: 'u-1' });

    api.answer({ status: 200, body: { items: [broadcast], total: 1, page: 2, pageSize: 10 } });
    expect((await sut.broadcasts.list({ page: 2, pageSize: 10 })).items).toEqual([broadcast]);
    expect(api.last.query).toEqual({ page: '2', pageSize: '10' });

    api.answer({ status: 200, body: broadcast });
    expect((await sut.broadcasts.get('b-1')).counts.sent).toBe(5);
    expect(api.last.path).toBe('/api/v1/broadcasts/b-1');
  });

  it('reads the statistics of a period', async () => {
    const sut = createApiClient({ baseUrl });
    api.answer({ status: 200, body: { from: '2026-11-01', to: '2026-11-07' } });

    const result = await sut.statistics.questions({ from: '2026-11-01', to: '2026-11-07' });

    expect(result).toMatchObject({ from: '2026-11-01', to: '2026-11-07' });
    expect(api.last.path).toBe('/api/v1/statistics/questions');
    expect(api.last.query).toEqual({ from: '2026-11-01', to: '2026-11-07' });
  });
});

describe('createApiClient: plan', () => {
  const unit = { id: 'unit-ca', code: 'TP-CA', name: 'Công an thành phố' };
  const taskFactory = (overrides: Partial<PlanTaskResponse> = {}): PlanTaskResponse => ({
    id: 'task-31',
    planId: 'plan-1',
    group: { id: 'group-3', ordinal: 3, title: 'Nắm chắc tình hình an ninh, trật tự' },
    code: '3.1',
    title: 'Rà soát, cập nhật thông tin, dữ liệu về di cư trên địa bàn thành phố',
    description: '',
    leadUnit: unit,
    coordinatingUnits: [],
    timeframe: { kind: 'until', until: '2022' },
    timeframeLabel: 'Đến năm 2022',
    dueOn: '2022-12-31',
    status: 'in_progress',
    overdue: true,
    updateCount: 0,
    lastUpdateAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  });

  it('reads a plan with its groups and tasks', async () => {
    api.answer({ status: 200, body: { id: 'plan-1', groups: [] } });
    const sut = createApiClient({ baseUrl });

    await sut.plans.get('plan-1');
    await sut.plans.list({ page: 2 });

    expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/api/v1/plans/plan-1', {}],
      ['GET', '/api/v1/plans', { page: '2' }],
    ]);
  });

  it('enters a plan and its groups, and deletes them', async () => {
    api.answer({ status: 200, body: { id: 'plan-2', groups: [] } });
    const sut = createApiClient({ baseUrl });
    const plan = {
      number: '25/KH-UBND',
      title: 'Kế hoạch năm 2026',
      issuingUnitId: 'unit-1',
      startYear: 2026,
      endYear: 2030,
      issuedOn: '2026-03-15',
    };

    await sut.plans.create(plan);
    await sut.plans.update('plan-2', { endYear: 2031 });
    await sut.plans.groups.create('plan-2', { ordinal: 1, title: 'Tuyên truyền' });
    await sut.plans.groups.update('plan-2', 'group-1', { ordinal: 2 });
    api.answer({ status: 204 });
    await sut.plans.groups.remove('plan-2', 'group-1');
    await sut.plans.remove('plan-2');

    const json = (body: string | undefined) => (body ? JSON.parse(body) : undefined);
    expect(api.requests.map((r) => [r.method, r.path, json(r.body)])).toEqual([
      ['POST', '/api/v1/plans', plan],
      ['PATCH', '/api/v1/plans/plan-2', { endYear: 2031 }],
      ['POST', '/api/v1/plans/plan-2/groups', { ordinal: 1, title: 'Tuyên truyền' }],
      ['PATCH', '/api/v1/plans/plan-2/groups/group-1', { ordinal: 2 }],
      ['DELETE', '/api/v1/plans/plan-2/groups/group-1', undefined],
      ['DELETE', '/api/v1/plans/plan-2', undefined],
    ]);
  });

  it('lists tasks with their filters in the query', async () => {
    const page: Page<PlanTaskResponse> = {
      items: [taskFactory()],
      total: 1,
      page: 1,
      pageSize: 50,
    };
    api.answer({ status: 200, body: page });
    const sut = createApiClient({ baseUrl });

    const result = await sut.tasks.list({
      unitId: 'unit-ca',
      status: 'in_progress',
      overdue: true,
    });

    expect(result).toEqual(page);
    expect(api.last.path).toBe('/api/v1/tasks');
    expect(api.last.query).toEqual({ unitId: 'unit-ca', status: 'in_progress', overdue: 'true' });
  });

  it('creates, edits and deletes a task', async () => {
    api.answer({ status: 201, body: taskFactory() });
    const sut = createApiClient({ baseUrl });
    const body: CreatePlanTaskRequest = {
      groupId: 'group-3',
      code: '3.4',
      title: 'Nhiệm vụ mới',
      leadUnitId: 'unit-ca',
      coordinatingUnitIds: ['unit-qs'],
      timeframe: { kind: 'range', from: '2025-01-01', to: '2025-06-30' },
    };

    await sut.tasks.create(body);
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/tasks' });
    expect(JSON.parse(api.last.body)).toEqual(body);

    api.answer({ status: 200, body: taskFactory({ status: 'done' }) });
    await sut.tasks.update('task-31', { status: 'done' });
    expect(api.last).toMatchObject({ method: 'PATCH', path: '/api/v1/tasks/task-31' });
    expect(JSON.parse(api.last.body)).toEqual({ status: 'done' });

    api.answer({ status: 204 });
    await expect(sut.tasks.remove('task-31')).resolves.toBeUndefined();
    expect(api.last).toMatchObject({ method: 'DELETE', path: '/api/v1/tasks/task-31' });
  });

  it('posts a progress update with its attachment and lists updates', async () => {
    const update: TaskUpdateResponse = {
      id: 'upd-1',
      task: { id: 'task-31', code: '3.1', title: 'Rà soát dữ liệu' },
      unit,
      author: { id: 'u-1', fullName: 'Nguyễn Văn A' },
      channel: 'telegram',
      text: 'Đã cập nhật số liệu.',
      attachment: {
        kind: 'photo',
        fileName: null,
        mimeType: 'image/jpeg',
        sizeBytes: 1200,
        fileRef: 'AgAC',
        stored: false,
      },
      createdAt: '2025-01-02T00:00:00.000Z',
    };
    api.answer({ status: 201, body: update });
    const sut = createApiClient({ baseUrl });
    const body: CreateTaskUpdateRequest = {
      text: 'Đã cập nhật số liệu.',
      channel: 'telegram',
      attachment: { kind: 'photo', fileRef: 'AgAC', mimeType: 'image/jpeg', sizeBytes: 1200 },
    };

    expect(await sut.taskUpdates.post('task-31', body)).toEqual(update);
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/tasks/task-31/updates' });
    expect(JSON.parse(api.last.body)).toEqual(body);

    api.answer({ status: 200, body: { items: [update], total: 1, page: 1, pageSize: 20 } });
    await sut.taskUpdates.forTask('task-31', { pageSize: 20 });
    expect(api.last).toMatchObject({
      path: '/api/v1/tasks/task-31/updates',
      query: { pageSize: '20' },
    });
    await sut.taskUpdates.list({ unitId: 'unit-ca' });
    expect(api.last).toMatchObject({ path: '/api/v1/task-updates', query: { unitId: 'unit-ca' } });
    expect(sut.taskUpdates.attachmentPath('upd-1')).toBe('/api/v1/task-updates/upd-1/attachment');
  });

  it("tells a unit reporter it is not its unit's task", async () => {
    api.answer({
      status: 403,
      body: { code: 'plan_task_not_your_unit', message: 'Your unit is neither the lead…' },
    });
    const sut = createApiClient({ baseUrl });

    await expect(sut.taskUpdates.post('task-22', { text: 'x' })).rejects.toMatchObject({
      status: 403,
      code: 'plan_task_not_your_unit',
    });
  });
});

describe('createApiClient: reporting', () => {
  it('creates and edits templates, previews one, lists and locks its periods', async () => {
    api.answer({ status: 201, body: { id: 'tpl-1' } });
    const sut = createApiClient({ baseUrl });
    const { version: _version, ...definition } = POLICE_MIGRATION_STATISTICS_TEMPLATE;
    await sut.reportTemplates.create({ definition, effectiveFrom: '2026-H1' });
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/reporting/templates' });
    expect(JSON.parse(api.last.body)).toEqual({ definition, effectiveFrom: '2026-H1' });

    api.answer({ status: 200, body: { id: 'tpl-1' } });
    await sut.reportTemplates.update('tpl-1', { definition });
    expect(api.last).toMatchObject({ method: 'PUT', path: '/api/v1/reporting/templates/tpl-1' });

    await sut.reportTemplates.preview('tpl-1', 2);
    expect(api.last).toMatchObject({
      path: '/api/v1/reporting/templates/tpl-1/preview',
      query: { version: '2' },
    });
    await sut.reportTemplates.previewDraft(definition);
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/reporting/templates/preview' });

    api.answer({ status: 200, body: [] });
    await sut.reportTemplates.periods('tpl-1', { from: '2025-H1' });
    expect(api.last).toMatchObject({
      path: '/api/v1/reporting/templates/tpl-1/periods',
      query: { from: '2025-H1' },
    });
    api.answer({ status: 204 });
    await expect(sut.reportTemplates.lockPeriod('tpl-1', '2026-H1')).resolves.toBeUndefined();
    expect(api.last).toMatchObject({
      method: 'POST',
      path: '/api/v1/reporting/templates/tpl-1/periods/2026-H1/lock',
    });
  });

  it('opens, saves, submits and reviews a report', async () => {
    api.answer({ status: 200, body: { id: 'sub-1', version: 0 } });
    const sut = createApiClient({ baseUrl });
    await sut.reports.open({ templateId: 'tpl-1', periodKey: '2026-H1' });
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/reporting/submissions' });

    await sut.reports.saveValues('sub-1', { version: 0, values: { study_departed: 4 } });
    expect(api.last).toMatchObject({
      method: 'PUT',
      path: '/api/v1/reporting/submissions/sub-1/values',
    });
    expect(JSON.parse(api.last.body)).toEqual({ version: 0, values: { study_departed: 4 } });

    await sut.reports.submit('sub-1');
    expect(api.last).toMatchObject({
      method: 'POST',
      path: '/api/v1/reporting/submissions/sub-1/submit',
    });
    await sut.reports.returnForCorrection('sub-1', 'Bổ sung số liệu.');
    expect(JSON.parse(api.last.body)).toEqual({ comment: 'Bổ sung số liệu.' });
    await sut.reports.accept('sub-1');
    expect(api.last.path).toBe('/api/v1/reporting/submissions/sub-1/accept');

    api.answer({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } });
    await sut.reports.list({ templateId: 'tpl-1', periodKey: '2026-H1', late: true });
    expect(api.last.query).toEqual({ templateId: 'tpl-1', periodKey: '2026-H1', late: 'true' });
  });

  it('reads the tracking matrix and the totals, reminds, and gives the export addresses', async () => {
    api.answer({ status: 200, body: { rows: [], counts: {} } });
    const sut = createApiClient({ baseUrl });
    await sut.reportTracking.matrix('tpl-1', '2026-H1', { status: 'submitted_late', page: 2 });
    expect(api.last).toMatchObject({
      method: 'GET',
      path: '/api/v1/reporting/templates/tpl-1/periods/2026-H1/tracking',
      query: { status: 'submitted_late', page: '2' },
    });
    await sut.reportTracking.totals('tpl-1', '2026-H1', { scope: 'top' });
    expect(api.last).toMatchObject({
      path: '/api/v1/reporting/templates/tpl-1/periods/2026-H1/totals',
      query: { scope: 'top' },
    });

    api.answer({
      status: 409,
      body: {
        code: 'report_reminder_sent_today',
        message: 'reminded today',
        details: { sentAt: '2026-07-10T03:00:00.000Z' },
      },
    });
    await expect(sut.reportTracking.remind('tpl-1', '2026-H1')).rejects.toMatchObject({
      status: 409,
      code: 'report_reminder_sent_today',
      details: { sentAt: '2026-07-10T03:00:00.000Z' },
    });
    expect(api.last).toMatchObject({
      method: 'POST',
      path: '/api/v1/reporting/templates/tpl-1/periods/2026-H1/remind',
    });

    expect(sut.reportTracking.xlsxPath('tpl-1', '2026-H1')).toBe(
      '/api/v1/reporting/templates/tpl-1/periods/2026-H1/export.xlsx',
    );
    expect(sut.reportTracking.docxPath('tpl-1', '2026-H1', { place: 'Sông Cầu', issuer: '' })).toBe(
      '/api/v1/reporting/templates/tpl-1/periods/2026-H1/export.docx?place=S%C3%B4ng+C%E1%BA%A7u',
    );
  });

  it('gives the current values of a stale save in the error', async () => {
    const conflict: ReportDraftConflict = {
      version: 3,
      fields: [
        {
          field: 'study_departed',
          current: 4,
          updatedAt: '2026-03-10T03:00:00.000Z',
          updatedBy: 'Nguyễn Văn A',
        },
      ],
    };
    api.answer({
      status: 409,
      body: {
        code: 'report_draft_stale',
        message: 'Someone else changed study_departed',
        details: conflict,
      },
    });
    const sut = createApiClient({ baseUrl });
    const error = await sut.reports
      .saveValues('sub-1', { version: 1, values: { study_departed: 7 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'report_draft_stale', details: conflict });
  });

  it('issues, lists and revokes link codes; lists and unlinks accounts', async () => {
    api.answer({
      status: 201,
      body: { id: 'code-1', code: 'ABCD-EFGH', expiresAt: '2026-03-13T03:00:00.000Z' },
    });
    const sut = createApiClient({ baseUrl });
    expect(await sut.linkedAccounts.issueCode('unit-1', { userId: 'u-1' })).toMatchObject({
      code: 'ABCD-EFGH',
    });
    expect(api.last).toMatchObject({ method: 'POST', path: '/api/v1/units/unit-1/link-codes' });
    expect(JSON.parse(api.last.body)).toEqual({ userId: 'u-1' });
    api.answer({ status: 200, body: [] });
    await sut.linkedAccounts.codes('unit-1');
    await sut.linkedAccounts.list('unit-1');
    expect(api.last.path).toBe('/api/v1/units/unit-1/linked-accounts');
    api.answer({ status: 204 });
    await sut.linkedAccounts.revokeCode('unit-1', 'code-1');
    expect(api.last).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/units/unit-1/link-codes/code-1',
    });
    await sut.linkedAccounts.unlink('unit-1', 'acc-1');
    expect(api.last).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/units/unit-1/linked-accounts/acc-1',
    });
  });
});

describe('createApiClient: errors', () => {
  it('maps a validation error body to ApiError with its field errors', async () => {
    const details = [{ field: 'email', message: 'email must be an email' }];
    api.answer({
      status: 400,
      body: { code: 'validation_failed', message: 'Some fields are invalid.', details },
    });
    const sut = createApiClient({ baseUrl });

    const error = await sut.users
      .create({ email: 'x', fullName: 'A', role: 'viewer' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      details,
    });
    expect((error as ApiError).fieldErrors).toEqual(details);
    expect((error as ApiError).isNetworkError).toBe(false);
  });

  it('exposes the per-line errors of csv_invalid', async () => {
    const details = [{ line: 3, field: 'kind', message: 'unknown kind' }];
    api.answer({ status: 400, body: { code: 'csv_invalid', message: 'Bad CSV', details } });
    const sut = createApiClient({ baseUrl });

    const error = (await sut.units
      .importCsv('code\n', { dryRun: false })
      .catch((e: unknown) => e)) as ApiError;

    expect(error.code).toBe('csv_invalid');
    expect(error.csvRowErrors).toEqual(details);
  });

  it('keeps the code of 401 and 403 answers and tells onError first', async () => {
    api.answer({
      status: 403,
      body: { code: 'password_change_required', message: 'Change your password first.' },
    });
    const onError = vi.fn();
    const sut = createApiClient({ baseUrl, onError });

    await expect(sut.units.list()).rejects.toMatchObject({
      status: 403,
      code: 'password_change_required',
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ApiError);
  });

  it('falls back to a code from the status when the body is not an error body', async () => {
    api.answer({ status: 502, raw: '<html>Bad gateway</html>' });
    const sut = createApiClient({ baseUrl });

    await expect(sut.audit.list()).rejects.toMatchObject({
      status: 502,
      code: 'internal_error',
      message: 'HTTP 502',
    });

    api.answer({ status: 404, raw: 'Not found' });
    await expect(sut.audit.list()).rejects.toMatchObject({ status: 404, code: 'route_not_found' });
  });

  it('throws a 503 error body from /health instead of returning it', async () => {
    api.answer({ status: 503, body: { code: 'database_unavailable', message: 'DB down' } });
    const sut = createApiClient({ baseUrl });

    await expect(sut.health()).rejects.toMatchObject({ status: 503, code: 'database_unavailable' });
  });

  it('reports a request that got no answer as a network error (status 0)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const sut = createApiClient({ baseUrl: `http://127.0.0.1:${port}` });

    const error = (await sut.health().catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.isNetworkError).toBe(true);
  });

  it('gives up after timeoutMs', async () => {
    api.answer({ status: 200, body: {}, delayMs: 500 });
    const sut = createApiClient({ baseUrl, timeoutMs: 50 });

    await expect(sut.health()).rejects.toMatchObject({ status: 0 });
  });
});
