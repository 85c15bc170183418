import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanResponse, PlanTaskResponse, TaskUpdateResponse } from '@gcm/domain';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { BOT_TOKEN, botRequest } from '../support/bot-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

type Ref = { code: string };
const codes = (items: Ref[]) => items.map((i) => i.code);

/** The plan module through HTTP, on the demo data (seed 002's plan and units). */
describe('plan: tasks and progress updates', () => {
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  const unit: Record<string, string> = {};
  let plan: PlanResponse;
  const task: Record<string, PlanTaskResponse> = {};

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', BOT_SERVICE_TOKEN: BOT_TOKEN }, { firstRun: true });
    for (const u of await t.dataSource.getRepository(UnitEntity).find()) unit[u.code] = u.id;
    for (const role of ['admin', 'editor', 'coordinator', 'viewer'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    as.ward = (await signedInAs(t, 'unit_reporter', { unitId: unit['P-DUCXUAN'] })).agent;
    as.police = (await signedInAs(t, 'unit_reporter', { unitId: unit['TP-CA'] })).agent;
    const list = await as.viewer.get('/api/v1/plans').expect(200);
    plan = (await as.viewer.get(`/api/v1/plans/${list.body.items[0].id}`).expect(200)).body;
    for (const group of plan.groups) for (const tk of group.tasks) task[tk.code] = tk;
  });
  afterAll(() => t.close());

  /** Posts an update as `agent` and returns the answer. */
  const post = (agent: TestAgent, code: string, body: object) =>
    agent.post(`/api/v1/tasks/${task[code]!.id}/updates`).send(body);

  describe('the demo plan', () => {
    it('is seed 002: the city plan of 17/7/2020 for 2020–2030, with its five task groups', async () => {
      const list = await as.viewer.get('/api/v1/plans').expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1 });
      expect(list.body.items[0]).toMatchObject({
        number: '…/KH-UBND',
        issuingUnit: { code: 'TP-BK', name: 'UBND thành phố Bắc Kạn' },
        startYear: 2020,
        endYear: 2030,
        issuedOn: '2020-07-17',
        groupCount: 5,
        taskCount: 12,
      });
      expect(plan.groups.map((g) => [g.ordinal, g.title])).toEqual([
        [1, 'Tuyên truyền, phổ biến thông tin về Thỏa thuận GCM và các vấn đề di cư quốc tế'],
        [2, 'Tham gia xây dựng, hoàn thiện hệ thống chính sách, pháp luật có liên quan'],
        [3, 'Nắm chắc tình hình an ninh, trật tự liên quan đến hoạt động di cư tại địa phương'],
        [
          4,
          'Lồng ghép việc thực hiện Thỏa thuận GCM với các chương trình phát triển kinh tế – xã hội tại địa phương',
        ],
        [5, 'Tăng cường hợp tác quốc tế trong việc thực hiện Thỏa thuận GCM'],
      ]);
      expect(plan.groups.map((g) => codes(g.tasks))).toEqual([
        ['1.1', '1.2', '1.3'],
        ['2.1', '2.2', '2.3'],
        ['3.1', '3.2', '3.3'],
        ['4.1', '4.2'],
        ['5.1'],
      ]);
      const texts = plan.groups.flatMap((g) => [g.title, ...g.tasks.map((tk) => tk.title)]);
      for (const text of texts) expect(text).toBe(text.normalize('NFC'));
    });

    it('names the lead and coordinating units of each task, as the plan assigns them', () => {
      expect(task['1.2']!.leadUnit.name).toBe('Trung tâm Văn hóa – Thể thao và Truyền thông');
      expect(task['1.3']!.leadUnit.code).toBe('TP-MTTQ');
      expect(task['2.2']!.leadUnit.code).toBe('TP-TP');
      expect(codes(task['2.2']!.coordinatingUnits).sort()).toEqual(
        ['TP-CA', 'TP-GDDT', 'TP-HLHPN', 'TP-LDTBXH', 'TP-TCKH', 'TP-TNMT', 'TP-VP'].sort(),
      );
      // "Công an thành phố chủ trì, phối hợp với Ban Chỉ huy Quân sự thành phố, … và UBND các xã, phường"
      expect(task['3.1']!.leadUnit.code).toBe('TP-CA');
      expect(codes(task['3.1']!.coordinatingUnits)).toEqual(
        expect.arrayContaining(['TP-QS', 'P-DUCXUAN', 'X-NONGTHUONG']),
      );
      expect(codes(task['3.1']!.coordinatingUnits)).not.toContain('TP-CA');
      expect(task['3.2']).toMatchObject({ coordinatingUnits: [], status: 'done' });
      expect(task['5.1']!.leadUnit.code).toBe('TP-VP');
    });

    it('carries each group’s timeframe with its Vietnamese label; overdue follows from it', () => {
      expect(task['1.1']).toMatchObject({
        timeframe: { kind: 'ongoing' },
        timeframeLabel: 'Thường xuyên',
        dueOn: null,
        overdue: false,
      });
      expect(task['3.1']).toMatchObject({
        timeframe: { kind: 'until', until: '2022' },
        timeframeLabel: 'Đến năm 2022',
        dueOn: '2022-12-31',
        status: 'in_progress',
        overdue: true,
        updateCount: 2,
      });
      expect(task['3.2']).toMatchObject({ status: 'done', overdue: false });
    });
  });

  describe('reading', () => {
    it('filters tasks by unit (lead or coordinating), group, status and overdue', async () => {
      const group3 = plan.groups[2]!.id;
      const overdue = await as.viewer
        .get('/api/v1/tasks')
        .query({ groupId: group3, overdue: true })
        .expect(200);
      expect(codes(overdue.body.items)).toEqual(['3.1', '3.3']);
      const done = await as.viewer.get('/api/v1/tasks').query({ status: 'done' }).expect(200);
      expect(codes(done.body.items)).toEqual(['3.2']);
      const finance = await as.viewer
        .get('/api/v1/tasks')
        .query({ unitId: unit['TP-TCKH'], pageSize: 200 })
        .expect(200);
      expect(codes(finance.body.items)).toEqual(
        expect.arrayContaining(['3.2', '4.1', '4.2', '2.2', '1.1']),
      );
      expect(codes(finance.body.items)).not.toContain('5.1');
      const paged = await as.viewer.get('/api/v1/tasks').query({ pageSize: 5, page: 2 });
      expect(paged.body).toMatchObject({ total: 12, page: 2, pageSize: 5 });
      expect(codes(paged.body.items)).toEqual(['2.3', '3.1', '3.2', '3.3', '4.1']);
    });

    it("shows a unit reporter only its unit's tasks", async () => {
      const own = await as.ward.get('/api/v1/tasks').query({ pageSize: 200 }).expect(200);
      expect(own.body.total).toBe(8);
      expect(codes(own.body.items)).not.toEqual(expect.arrayContaining(['2.2']));
      for (const tk of own.body.items as PlanTaskResponse[]) {
        const units = [tk.leadUnit, ...tk.coordinatingUnits].map((u) => u.code);
        expect(units).toContain('P-DUCXUAN');
      }
      const other = await as.ward.get(`/api/v1/tasks/${task['2.2']!.id}`).expect(403);
      expect(other.body).toMatchObject({ code: 'plan_task_not_your_unit' });
      await as.ward.get(`/api/v1/tasks/${task['1.3']!.id}`).expect(200);
      const foreign = await as.ward.get('/api/v1/tasks').query({ unitId: unit['TP-TP'] });
      expect(foreign.status).toBe(403);
      const inPlan = (await as.ward.get(`/api/v1/plans/${plan.id}`).expect(200)).body;
      expect(inPlan.groups).toHaveLength(5);
      expect(codes(inPlan.groups[4].tasks)).toEqual([]);
      await as.ward.get(`/api/v1/tasks/${task['2.2']!.id}/updates`).expect(403);
    });

    it('answers 404 for a task or plan that does not exist', async () => {
      const missing = '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d';
      expect((await as.viewer.get(`/api/v1/tasks/${missing}`).expect(404)).body.code).toBe(
        'plan_task_not_found',
      );
      expect((await as.viewer.get(`/api/v1/plans/${missing}`).expect(404)).body.code).toBe(
        'plan_not_found',
      );
      await as.coordinator.post(`/api/v1/tasks/${missing}/updates`).send({ text: 'x' }).expect(404);
    });
  });

  describe('roles', () => {
    it('asks for sign-in', async () => {
      for (const path of ['/api/v1/plans', '/api/v1/tasks', '/api/v1/task-updates'])
        await request(t.url).get(path).expect(401);
    });

    it('lets only admins and coordinators create, edit and delete tasks', async () => {
      const body = {
        groupId: plan.groups[4]!.id,
        code: '5.9',
        title: 'Nhiệm vụ thử',
        leadUnitId: unit['TP-VP'],
        timeframe: { kind: 'ongoing' },
      };
      for (const role of ['editor', 'viewer', 'ward']) {
        const res = await as[role]!.post('/api/v1/tasks').send(body);
        expect(res.status, role).toBe(403);
        expect(res.body.code).toBe('forbidden');
        await as[role]!.patch(`/api/v1/tasks/${task['5.1']!.id}`)
          .send({ status: 'done' })
          .expect(403);
        await as[role]!.delete(`/api/v1/tasks/${task['5.1']!.id}`).expect(403);
      }
    });

    it('lets viewers and editors read but not post updates', async () => {
      for (const role of ['viewer', 'editor']) {
        await as[role]!.get(`/api/v1/tasks/${task['1.1']!.id}/updates`).expect(200);
        const res = await post(as[role]!, '1.1', { text: 'Báo cáo' });
        expect(res.status, role).toBe(403);
      }
    });
  });

  describe('progress updates', () => {
    it("lets a ward's reporter post on its unit's task, never on another's", async () => {
      const refused = await post(as.ward!, '2.2', { text: 'Phường đã góp ý dự thảo.' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'plan_task_not_your_unit',
        message: expect.stringMatching(/neither the lead nor a coordinating unit/),
      });
      const asOther = await post(as.ward!, '1.3', { text: 'x', unitId: unit['TP-MTTQ'] });
      expect(asOther.status).toBe(403);

      const text = 'Đã tổ chức 02 buổi tuyên truyền về di cư an toàn tại tổ dân phố 7.';
      const res = await post(as.ward!, '1.3', { text: `  ${text.normalize('NFD')} ` }).expect(201);
      expect(res.body).toMatchObject({
        task: { id: task['1.3']!.id, code: '1.3' },
        unit: { code: 'P-DUCXUAN' },
        author: { fullName: 'Người dùng unit_reporter' },
        channel: 'api',
        text,
        attachment: null,
      });
      // The lead unit posts too.
      await post(as.police!, '3.1', { text: 'Đã cập nhật số liệu quý IV.' }).expect(201);
    });

    it('lets a coordinator post for a unit of the task (the lead by default), not for another', async () => {
      const lead = await post(as.coordinator!, '2.2', { text: 'Tổng hợp ý kiến góp ý.' });
      expect(lead.status).toBe(201);
      expect(lead.body.unit.code).toBe('TP-TP');
      const named = await post(as.coordinator!, '2.2', {
        text: 'Công an thành phố đã góp ý.',
        unitId: unit['TP-CA'],
        channel: 'console',
      }).expect(201);
      expect(named.body).toMatchObject({ unit: { code: 'TP-CA' }, channel: 'console' });
      const outsider = await post(as.coordinator!, '2.2', {
        text: 'x',
        unitId: unit['X-NONGTHUONG'],
      }).expect(400);
      expect(outsider.body.details).toEqual([
        { field: 'unitId', message: expect.stringMatching(/neither the lead nor a coordinating/) },
      ]);
    });

    it('lists updates newest first, per task and per unit, paginated', async () => {
      const texts = ['Lần 1: họp tổ dân phố.', 'Lần 2: phát tờ rơi.', 'Lần 3: loa truyền thanh.'];
      for (const text of texts) await post(as.ward!, '2.3', { text }).expect(201);

      const first = await as.ward
        .get(`/api/v1/tasks/${task['2.3']!.id}/updates`)
        .query({ pageSize: 2 })
        .expect(200);
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.body.items.map((u: TaskUpdateResponse) => u.text)).toEqual([texts[2], texts[1]]);
      const second = await as.ward
        .get(`/api/v1/tasks/${task['2.3']!.id}/updates`)
        .query({ pageSize: 2, page: 2 })
        .expect(200);
      expect(second.body.items.map((u: TaskUpdateResponse) => u.text)).toEqual([texts[0]]);

      const mine = await as.ward.get('/api/v1/task-updates').query({ pageSize: 200 }).expect(200);
      const items = mine.body.items as TaskUpdateResponse[];
      expect(items.every((u) => u.unit.code === 'P-DUCXUAN')).toBe(true);
      expect(items.slice(0, 3).map((u) => u.text)).toEqual([...texts].reverse());
      // The demo data's update of the ward (May 2022) comes last, with no author.
      expect(items.at(-1)).toMatchObject({ task: { code: '1.3' }, author: null, channel: 'zalo' });
      const times = items.map((u) => u.createdAt);
      expect([...times].sort().reverse()).toEqual(times);

      const byCoordinator = await as.coordinator
        .get('/api/v1/task-updates')
        .query({ unitId: unit['P-DUCXUAN'], pageSize: 200 })
        .expect(200);
      expect(byCoordinator.body.total).toBe(mine.body.total);
      const everyone = await as.viewer.get('/api/v1/task-updates').expect(200);
      expect(everyone.body.total).toBeGreaterThan(mine.body.total);
      const other = await as.ward.get('/api/v1/task-updates').query({ unitId: unit['TP-CA'] });
      expect(other.status).toBe(403);

      const after = (await as.viewer.get(`/api/v1/tasks/${task['2.3']!.id}`).expect(200)).body;
      expect(after).toMatchObject({ updateCount: 3, lastUpdateAt: items[0]!.createdAt });
    });

    it("keeps an attachment's metadata, and serves a file uploaded to the API", async () => {
      const photo = {
        kind: 'photo',
        fileRef: 'AgACAgUAAxkBAAIBZ2VhX3Bob3RvX2lk',
        mimeType: 'image/jpeg',
        sizeBytes: 48213,
      };
      const fromTelegram = await post(as.ward!, '1.3', {
        text: 'Ảnh buổi tuyên truyền.',
        channel: 'telegram',
        attachment: photo,
      }).expect(201);
      expect(fromTelegram.body.attachment).toEqual({
        ...photo,
        fileName: null,
        stored: false,
      });

      const pdf = Buffer.from('%PDF-1.4\nBiên bản hội nghị tuyên truyền\n%%EOF');
      const uploaded = await post(as.ward!, '1.3', {
        text: 'Biên bản hội nghị.',
        channel: 'console',
        attachment: {
          kind: 'document',
          fileName: 'Biên bản hội nghị.pdf',
          mimeType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      }).expect(201);
      expect(uploaded.body.attachment).toEqual({
        kind: 'document',
        fileName: 'Biên bản hội nghị.pdf',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        fileRef: null,
        stored: true,
      });

      const listed = (
        await as.coordinator.get(`/api/v1/tasks/${task['1.3']!.id}/updates`).expect(200)
      ).body.items as TaskUpdateResponse[];
      expect(listed[0]).toEqual(uploaded.body);
      expect(listed[1]).toEqual(fromTelegram.body);

      const file = await as.viewer
        .get(`/api/v1/task-updates/${uploaded.body.id}/attachment`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect(file.headers['content-disposition']).toContain("UTF-8''Bi%C3%AAn");
      const notStored = await as.viewer
        .get(`/api/v1/task-updates/${fromTelegram.body.id}/attachment`)
        .expect(404);
      expect(notStored.body.code).toBe('attachment_not_stored');
      await as.police.get(`/api/v1/task-updates/${uploaded.body.id}/attachment`).expect(200);

      // Served as the type it was stored with, whatever its name says.
      const png = await post(as.ward!, '1.3', {
        text: 'Ảnh chụp màn hình.',
        attachment: {
          kind: 'photo',
          fileName: 'trang-tin.html',
          mimeType: 'image/png',
          contentBase64: Buffer.from('\x89PNG\r\n').toString('base64'),
        },
      }).expect(201);
      const served = await as.viewer
        .get(`/api/v1/task-updates/${png.body.id}/attachment`)
        .expect(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
    });

    it('a file sent from a chat is fetched by a bot instance, then served like an uploaded one', async () => {
      const bot = botRequest(t.url);
      const photo = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IacBRwzEcQDBAxDhtIruDgAAAABJRU5ErkJggg==',
        'base64',
      );
      const fileRef = 'https://photo-stal.zdn.vn/hoi-nghi-tuyen-truyen.jpg';
      const sent = await post(as.ward!, '1.3', {
        text: 'Ảnh hội nghị, gửi từ Zalo.',
        channel: 'zalo',
        attachment: { kind: 'photo', fileRef, mimeType: 'image/jpeg' },
      }).expect(201);
      const key = `task_update:${sent.body.id}`;
      const [queued] = await t.dataSource.query(
        `SELECT channel, status, replies FROM outbox WHERE kind = 'fetch_file' AND chat_id = $1`,
        [key],
      );
      expect(queued).toEqual({ channel: 'zalo', status: 'pending', replies: [] });
      const source = await bot.fileSource(key).expect(200);
      expect(source.body).toEqual({ fileRef, maxBytes: 5 * 1024 * 1024 });
      await bot.fileSource('task_update:not-an-id').expect(404);
      await bot.fileSource('somewhere:else').expect(404);

      const notImage = await bot.uploadFile(key, Buffer.from('<html>trang tin</html>')).expect(400);
      expect(notImage.body.message).toContain('not a JPEG, PNG or WebP image');
      const tooBig = await bot.uploadFile(key, Buffer.alloc(5 * 1024 * 1024 + 1, 0xff));
      expect(tooBig.status).toBe(413);
      await bot.uploadFile(key, photo).expect(204);
      await bot.fileSource(key).expect(404);

      const listed = (
        await as.coordinator.get(`/api/v1/tasks/${task['1.3']!.id}/updates`).expect(200)
      ).body.items as TaskUpdateResponse[];
      expect(listed.find((u) => u.id === sent.body.id)?.attachment).toEqual({
        kind: 'photo',
        fileName: null,
        mimeType: 'image/png',
        sizeBytes: photo.length,
        fileRef: null,
        stored: true,
      });
      const served = await as.viewer
        .get(`/api/v1/task-updates/${sent.body.id}/attachment`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(served.body as Buffer, photo)).toBe(0);
      expect(served.headers['content-type']).toBe('image/png');
    });
  });

  describe('bad input', () => {
    const fieldsOf = (res: request.Response) =>
      (res.body.details as { field: string }[]).map((d) => d.field);

    it('refuses a task with unknown units, a wrong timeframe or number, naming the field', async () => {
      const base = {
        groupId: plan.groups[4]!.id,
        code: '5.2',
        title: 'Tham gia hội thảo quốc tế về di cư',
        leadUnitId: unit['TP-VP'],
        timeframe: { kind: 'range', from: '2025-01-01', to: '2025-12-31' },
      };
      const cases: [object, string, RegExp][] = [
        [{ leadUnitId: '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d' }, 'leadUnitId', /names no unit/],
        [
          { coordinatingUnitIds: [unit['TP-CA'], '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d'] },
          'coordinatingUnitIds',
          /names no unit/,
        ],
        [{ coordinatingUnitIds: [unit['TP-VP']] }, 'coordinatingUnitIds', /lead unit/],
        [
          { timeframe: { kind: 'range', from: '2025-12-31', to: '2025-01-01' } },
          'timeframe',
          /not be before/,
        ],
        [{ timeframe: { kind: 'soon' } }, 'timeframe', /kind must be one of/],
        [{ timeframe: 'thường xuyên' }, 'timeframe', /must be an object/],
        [{ timeframe: { kind: 'until', until: '31/12/2025' } }, 'timeframe', /year \(2022\)/],
        [{ code: '4.9' }, 'code', /group's number: 5\.1/],
        [{ code: 'năm' }, 'code', /numbers joined by dots/],
        [{ description: null }, 'description', /must not be null/],
        [{ status: 'overdue' }, 'status', /status must be one of/],
        [{ groupId: '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d' }, 'groupId', /names no plan group/],
        [{ owner: 'x' }, 'owner', /unknown field/],
      ];
      for (const [change, field, message] of cases) {
        const res = await as.coordinator.post('/api/v1/tasks').send({ ...base, ...change });
        expect(res.status, JSON.stringify(change)).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(fieldsOf(res), JSON.stringify(change)).toContain(field);
        const messages = (res.body.details as { field: string; message: string }[])
          .filter((d) => d.field === field)
          .map((d) => d.message);
        expect(messages.join(' | '), JSON.stringify(change)).toMatch(message);
      }
      const taken = await as.coordinator.post('/api/v1/tasks').send({ ...base, code: '5.1' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('plan_task_code_taken');
    });

    it('refuses null for any field of an edit', async () => {
      for (const field of ['title', 'status', 'timeframe', 'coordinatingUnitIds', 'leadUnitId']) {
        const res = await as.coordinator
          .patch(`/api/v1/tasks/${task['5.1']!.id}`)
          .send({ [field]: null });
        expect(res.status, field).toBe(400);
        expect(fieldsOf(res)).toContain(field);
      }
    });

    it('refuses a bad update, naming the field', async () => {
      const cases: [object, string][] = [
        [{}, 'text'],
        [{ text: '   ' }, 'text'],
        [{ text: null }, 'text'],
        [{ text: 'x', unitId: null }, 'unitId'],
        [{ text: 'x', channel: 'sms' }, 'channel'],
        [{ text: 'x', attachment: null }, 'attachment'],
        [{ text: 'x', attachment: { kind: 'video', fileRef: 'a' } }, 'attachment.kind'],
        [{ text: 'x', attachment: { kind: 'photo' } }, 'attachment.fileRef'],
        [
          { text: 'x', attachment: { kind: 'photo', fileRef: 'a', fileName: null } },
          'attachment.fileName',
        ],
        [
          { text: 'x', attachment: { kind: 'photo', fileRef: 'a', sizeBytes: -1 } },
          'attachment.sizeBytes',
        ],
        [
          { text: 'x', attachment: { kind: 'photo', fileRef: 'a', mimeType: 'application/pdf' } },
          'attachment.mimeType',
        ],
        [
          { text: 'x', attachment: { kind: 'document', contentBase64: 'not base64!' } },
          'attachment.contentBase64',
        ],
        [
          { text: 'x', attachment: { kind: 'document', contentBase64: 'JVBERg==' } },
          'attachment.mimeType',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await post(as.coordinator!, '5.1', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(res), JSON.stringify(body)).toContain(field);
      }
    });

    it('refuses bad list filters and ids', async () => {
      const status = await as.viewer.get('/api/v1/tasks').query({ status: 'late' }).expect(400);
      expect(fieldsOf(status)).toEqual(['status']);
      const unitId = await as.viewer.get('/api/v1/tasks').query({ unitId: 'ward' }).expect(400);
      expect(fieldsOf(unitId)).toEqual(['unitId']);
      const unknown = await as.viewer
        .get('/api/v1/task-updates')
        .query({ unitId: '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d' })
        .expect(400);
      expect(fieldsOf(unknown)).toEqual(['unitId']);
      await as.viewer.get('/api/v1/tasks/abc').expect(400);
    });
  });

  describe('managing tasks', () => {
    it('creates, edits and deletes a task, and audits each write', async () => {
      const created = await as.coordinator
        .post('/api/v1/tasks')
        .send({
          groupId: plan.groups[4]!.id,
          code: '5.2',
          title: 'Tham gia hội thảo quốc tế về di cư lao động',
          description: 'Cử cán bộ tham dự và báo cáo kết quả.',
          leadUnitId: unit['TP-VP'],
          coordinatingUnitIds: [unit['TP-LDTBXH'], unit['TP-CA']],
          timeframe: { kind: 'range', from: '2025-03-01', to: '2025-06-30' },
        })
        .expect(201);
      expect(created.body).toMatchObject({
        code: '5.2',
        group: { ordinal: 5 },
        status: 'not_started',
        timeframeLabel: 'Từ 01/03/2025 đến 30/06/2025',
        dueOn: '2025-06-30',
        updateCount: 0,
        lastUpdateAt: null,
      });
      expect(codes(created.body.coordinatingUnits)).toEqual(['TP-CA', 'TP-LDTBXH']);

      const edited = await as.admin
        .patch(`/api/v1/tasks/${created.body.id}`)
        .send({
          status: 'done',
          coordinatingUnitIds: [unit['TP-CA'], unit['P-DUCXUAN']],
          timeframe: { kind: 'until', until: '2026-06-30' },
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        status: 'done',
        overdue: false,
        timeframeLabel: 'Đến ngày 30/06/2026',
        title: 'Tham gia hội thảo quốc tế về di cư lao động',
      });
      expect(codes(edited.body.coordinatingUnits)).toEqual(['P-DUCXUAN', 'TP-CA']);
      // The ward now coordinates it, so its reporter sees it.
      await as.ward.get(`/api/v1/tasks/${created.body.id}`).expect(200);

      await as.coordinator.delete(`/api/v1/tasks/${created.body.id}`).expect(204);
      await as.viewer.get(`/api/v1/tasks/${created.body.id}`).expect(404);
      const log = await as.admin
        .get('/api/v1/audit')
        .query({ entityType: 'plan_task', entityId: created.body.id })
        .expect(200);
      expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
        'plan_task.delete',
        'plan_task.update',
        'plan_task.create',
      ]);
      expect(log.body.items[1]).toMatchObject({
        before: { status: 'not_started' },
        after: { status: 'done', coordinatingUnitIds: expect.any(Array) },
      });
    });

    it('gives one of two simultaneous tasks with the same number, the other 409', async () => {
      const body = {
        groupId: plan.groups[4]!.id,
        code: '5.7',
        title: 'Nhiệm vụ tạo cùng lúc',
        leadUnitId: unit['TP-VP'],
        timeframe: { kind: 'ongoing' },
      };
      const results = await Promise.all([
        as.coordinator.post('/api/v1/tasks').send(body),
        as.admin.post('/api/v1/tasks').send(body),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('plan_task_code_taken');
      const winner = results.find((r) => r.status === 201)!;
      await as.coordinator.delete(`/api/v1/tasks/${winner.body.id}`).expect(204);
    });

    it('keeps a task that has updates: it cannot be deleted', async () => {
      const res = await as.coordinator.delete(`/api/v1/tasks/${task['3.1']!.id}`).expect(409);
      expect(res.body.code).toBe('plan_task_has_updates');
    });

    it('moves a task to another group of its plan, renumbering it', async () => {
      const { body } = await as.coordinator
        .post('/api/v1/tasks')
        .send({
          groupId: plan.groups[3]!.id,
          code: '4.3',
          title: 'Nhiệm vụ xếp nhầm nhóm',
          leadUnitId: unit['TP-VP'],
          timeframe: { kind: 'ongoing' },
        })
        .expect(201);
      const wrong = await as.coordinator
        .patch(`/api/v1/tasks/${body.id}`)
        .send({ groupId: plan.groups[4]!.id })
        .expect(400);
      expect(wrong.body.details[0].field).toBe('code');
      const moved = await as.coordinator
        .patch(`/api/v1/tasks/${body.id}`)
        .send({ groupId: plan.groups[4]!.id, code: '5.3' })
        .expect(200);
      expect(moved.body).toMatchObject({ code: '5.3', group: { ordinal: 5 } });
      await as.coordinator.delete(`/api/v1/tasks/${body.id}`).expect(204);
    });
  });

  it('documents its response schemas in the OpenAPI document', async () => {
    const doc = (await request(t.url).get('/api/docs/openapi.json').expect(200)).body;
    const ok = (path: string, method = 'get', status = '200') =>
      doc.paths[path][method].responses[status].content['application/json'].schema;
    expect(ok('/api/v1/tasks/{id}')).toEqual({ $ref: '#/components/schemas/PlanTaskResponseDto' });
    expect(ok('/api/v1/plans/{id}')).toEqual({ $ref: '#/components/schemas/PlanResponseDto' });
    expect(ok('/api/v1/tasks/{id}/updates', 'post', '201')).toEqual({
      $ref: '#/components/schemas/TaskUpdateResponseDto',
    });
    expect(ok('/api/v1/task-updates')).toEqual({
      $ref: '#/components/schemas/TaskUpdateResponsePageDto',
    });
    expect(doc.components.schemas.PlanTaskResponseDto.properties.timeframe.oneOf).toHaveLength(3);
  });
});
