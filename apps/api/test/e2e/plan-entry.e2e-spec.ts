import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanGroupRef, PlanResponse } from '@gcm/domain';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import {
  createUnit,
  createUnitTree,
  signedInAs,
  startTestApp,
  TestAgent,
  TestApp,
} from '../support/test-app';

const MISSING = '7f1c1f0e-8f5a-4a57-9d5e-1c2f3a4b5c6d';

type Detail = { field: string; message: string };
const fieldsOf = (res: request.Response) => (res.body.details as Detail[]).map((d) => d.field);
const codesOf = (plan: PlanResponse) => plan.groups.map((g) => g.tasks.map((tk) => tk.code));

/**
 * Entering a plan through HTTP on an installation without the demo data: the plan from its
 * signed document, then its numbered task groups, then their tasks.
 */
describe('plan entry: plans and their task groups', () => {
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  let units: Awaited<ReturnType<typeof createUnitTree>>;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'false' });
    units = await createUnitTree(t);
    for (const role of ['admin', 'coordinator', 'editor', 'viewer'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    as.reporter = (await signedInAs(t, 'unit_reporter', { unitId: units.wardA.id })).agent;
  });
  afterAll(() => t.close());

  const planBody = (change: object = {}) => ({
    number: '389/KH-UBND',
    title: 'Kế hoạch thực hiện Thỏa thuận toàn cầu về Di cư hợp pháp, an toàn và trật tự',
    issuingUnitId: units.city.id,
    startYear: 2020,
    endYear: 2030,
    issuedOn: '2020-07-17',
    ...change,
  });
  const createPlan = async (change: object = {}): Promise<PlanResponse> =>
    (await as.coordinator.post('/api/v1/plans').send(planBody(change)).expect(201)).body;
  const addGroup = async (planId: string, ordinal: number): Promise<PlanGroupRef> =>
    (
      await as.coordinator
        .post(`/api/v1/plans/${planId}/groups`)
        .send({ ordinal, title: `Nhóm nhiệm vụ số ${ordinal}` })
        .expect(201)
    ).body;
  const addTask = (groupId: string, code: string) =>
    as.coordinator.post('/api/v1/tasks').send({
      groupId,
      code,
      title: `Nhiệm vụ ${code}`,
      leadUnitId: units.city.id,
      timeframe: { kind: 'ongoing' },
    });
  const getPlan = async (id: string): Promise<PlanResponse> =>
    (await as.viewer.get(`/api/v1/plans/${id}`).expect(200)).body;
  const groupPath = (planId: string, groupId: string) =>
    `/api/v1/plans/${planId}/groups/${groupId}`;
  const auditOf = async (entityType: string, entityId: string) =>
    (await as.admin.get('/api/v1/audit').query({ entityType, entityId }).expect(200)).body
      .items as { action: string; before: unknown; after: unknown }[];

  it('lets a coordinator enter a plan, its groups and a task, and read them back', async () => {
    expect((await as.viewer.get('/api/v1/plans').expect(200)).body.total).toBe(0);
    const title = 'Kế hoạch thực hiện Thỏa thuận GCM';
    const created = await as.coordinator
      .post('/api/v1/plans')
      .send(planBody({ number: ' …/KH-UBND ', title: `  ${title.normalize('NFD')} ` }))
      .expect(201);
    expect(created.body).toMatchObject({
      number: '…/KH-UBND',
      title,
      issuingUnit: { id: units.city.id, name: units.city.name },
      startYear: 2020,
      endYear: 2030,
      issuedOn: '2020-07-17',
      groupCount: 0,
      taskCount: 0,
      groups: [],
    });
    const planId = created.body.id as string;

    const second = await as.coordinator
      .post(`/api/v1/plans/${planId}/groups`)
      .send({ ordinal: 2, title: 'Tham gia xây dựng, hoàn thiện chính sách, pháp luật' })
      .expect(201);
    expect(second.body).toEqual({
      id: expect.any(String),
      ordinal: 2,
      title: 'Tham gia xây dựng, hoàn thiện chính sách, pháp luật',
    });
    const first = await addGroup(planId, 1);
    const task = await addTask(second.body.id, '2.1').expect(201);
    expect(task.body).toMatchObject({ planId, code: '2.1', group: { ordinal: 2 } });

    const plan = await getPlan(planId);
    expect(plan.groups.map((g) => [g.id, g.ordinal, g.title])).toEqual([
      [first.id, 1, 'Nhóm nhiệm vụ số 1'],
      [second.body.id, 2, 'Tham gia xây dựng, hoàn thiện chính sách, pháp luật'],
    ]);
    expect(codesOf(plan)).toEqual([[], ['2.1']]);
    expect(plan).toMatchObject({ groupCount: 2, taskCount: 1 });
    const list = await as.reporter.get('/api/v1/plans').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: planId, number: '…/KH-UBND', groupCount: 2, taskCount: 1 }),
    ]);
  });

  it('edits a plan; its period must not end before it starts, even when one year changes', async () => {
    const plan = await createPlan();
    const path = `/api/v1/plans/${plan.id}`;
    for (const change of [
      { endYear: 2019 },
      { startYear: 2031 },
      { startYear: 2025, endYear: 2024 },
    ]) {
      const res = await as.coordinator.patch(path).send(change).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details, JSON.stringify(change)).toEqual([
        { field: 'endYear', message: 'endYear must not be before startYear' },
      ]);
    }
    const edited = await as.admin
      .patch(path)
      .send({ number: '389/KH-UBND-2', endYear: 2035, issuingUnitId: units.province.id })
      .expect(200);
    expect(edited.body).toMatchObject({
      number: '389/KH-UBND-2',
      title: plan.title,
      startYear: 2020,
      endYear: 2035,
      issuedOn: '2020-07-17',
      issuingUnit: { id: units.province.id },
    });
    // One year alone, compared with the stored other one.
    await as.coordinator.patch(path).send({ startYear: 2035 }).expect(200);
    expect(await getPlan(plan.id)).toMatchObject({ startYear: 2035, endYear: 2035 });

    // A unit newly named must exist and not be deleted; the plan's own unit stays if deleted since.
    const unknown = await as.coordinator.patch(path).send({ issuingUnitId: MISSING }).expect(400);
    expect(unknown.body.details).toEqual([
      { field: 'issuingUnitId', message: expect.stringMatching(/names no unit/) },
    ]);
    await t.dataSource.getRepository(UnitEntity).softDelete(units.province.id);
    try {
      await as.coordinator.patch(path).send({ title: 'Kế hoạch đã sửa tên' }).expect(200);
      const again = await as.coordinator
        .patch(path)
        .send({ issuingUnitId: units.city.id })
        .expect(200);
      expect(again.body.issuingUnit.id).toBe(units.city.id);
      const back = await as.coordinator
        .patch(path)
        .send({ issuingUnitId: units.province.id })
        .expect(400);
      expect(fieldsOf(back)).toEqual(['issuingUnitId']);
    } finally {
      await t.dataSource.getRepository(UnitEntity).restore(units.province.id);
    }
  });

  it('refuses bad plan fields, one reason for each field it names', async () => {
    const deleted = await createUnit(t, { kind: 'district', parentId: units.province.id });
    await t.dataSource.getRepository(UnitEntity).softDelete(deleted.id);
    const cases: [object, string, RegExp][] = [
      [{ number: '   ' }, 'number', /must not be empty/],
      [{ number: 'x'.repeat(65) }, 'number', /64/],
      [{ number: 389 }, 'number', /must be text/],
      [{ title: 'KH' }, 'title', /3/],
      [{ issuingUnitId: 'ubnd' }, 'issuingUnitId', /unit id \(UUID\)/],
      [{ issuingUnitId: MISSING }, 'issuingUnitId', /names no unit/],
      [{ issuingUnitId: deleted.id }, 'issuingUnitId', /names no unit/],
      [{ startYear: 1900 }, 'startYear', /whole number from 1945 to 2100/],
      [{ startYear: 2020.5 }, 'startYear', /whole number from 1945 to 2100/],
      [{ endYear: '2030' }, 'endYear', /whole number from 1945 to 2100/],
      [{ endYear: 2101 }, 'endYear', /whole number from 1945 to 2100/],
      [{ endYear: 2019 }, 'endYear', /must not be before startYear/],
      [{ issuedOn: '2021-02-30' }, 'issuedOn', /real day written YYYY-MM-DD/],
      [{ issuedOn: '17/07/2020' }, 'issuedOn', /real day written YYYY-MM-DD/],
      [{ issuedOn: null }, 'issuedOn', /must not be null/],
      [{ owner: 'x' }, 'owner', /unknown field/],
    ];
    for (const [change, field, message] of cases) {
      const res = await as.coordinator.post('/api/v1/plans').send(planBody(change));
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.details, JSON.stringify(change)).toEqual([
        { field, message: expect.stringMatching(message) },
      ]);
    }
    // The period is checked with the other fields: every mistake is named at once.
    const two = await as.coordinator
      .post('/api/v1/plans')
      .send(planBody({ title: 'KH', endYear: 2019 }))
      .expect(400);
    expect(fieldsOf(two).sort()).toEqual(['endYear', 'title']);
    const missing = await as.coordinator.post('/api/v1/plans').send({}).expect(400);
    expect(fieldsOf(missing).sort()).toEqual(
      ['endYear', 'issuedOn', 'issuingUnitId', 'number', 'startYear', 'title'].sort(),
    );
    const plan = await createPlan();
    for (const field of Object.keys(planBody())) {
      const res = await as.coordinator
        .patch(`/api/v1/plans/${plan.id}`)
        .send({ [field]: null })
        .expect(400);
      expect(res.body.details, field).toEqual([{ field, message: `${field} must not be null` }]);
    }
  });

  it("keeps a group's number unique in its plan (409 naming ordinal), not across plans", async () => {
    const plan = await createPlan();
    const one = await addGroup(plan.id, 1);
    const two = await addGroup(plan.id, 2);
    const answers = [
      await as.coordinator
        .post(`/api/v1/plans/${plan.id}/groups`)
        .send({ ordinal: 1, title: 'Nhóm trùng số' }),
      await as.coordinator.patch(groupPath(plan.id, two.id)).send({ ordinal: 1 }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'plan_group_ordinal_taken',
        details: [{ field: 'ordinal', message: 'already used in this plan' }],
      });
    }
    // Its own number again is no conflict; another plan may use it.
    await as.coordinator.patch(groupPath(plan.id, one.id)).send({ ordinal: 1 }).expect(200);
    const other = await createPlan();
    await addGroup(other.id, 1);

    const cases: [object, string, RegExp][] = [
      [{ ordinal: 0 }, 'ordinal', /whole number from 1 to 99/],
      [{ ordinal: 100 }, 'ordinal', /whole number from 1 to 99/],
      [{ ordinal: 1.5 }, 'ordinal', /whole number from 1 to 99/],
      [{ ordinal: '3' }, 'ordinal', /whole number from 1 to 99/],
      [{ title: 'ab' }, 'title', /3/],
      [{ title: 'x'.repeat(501) }, 'title', /500/],
    ];
    for (const [change, field, message] of cases) {
      const res = await as.coordinator
        .post(`/api/v1/plans/${plan.id}/groups`)
        .send({ ordinal: 3, title: 'Nhóm thứ ba', ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.details, JSON.stringify(change)).toEqual([
        { field, message: expect.stringMatching(message) },
      ]);
    }
    for (const field of ['ordinal', 'title']) {
      const res = await as.coordinator
        .patch(groupPath(plan.id, two.id))
        .send({ [field]: null })
        .expect(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    expect((await getPlan(plan.id)).groups.map((g) => g.ordinal)).toEqual([1, 2]);
  });

  it('gives one of two simultaneous groups with the same number, the other 409', async () => {
    const plan = await createPlan();
    const body = { ordinal: 7, title: 'Nhóm tạo cùng lúc' };
    const results = await Promise.all([
      as.coordinator.post(`/api/v1/plans/${plan.id}/groups`).send(body),
      as.admin.post(`/api/v1/plans/${plan.id}/groups`).send(body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('plan_group_ordinal_taken');
    expect((await getPlan(plan.id)).groups).toHaveLength(1);
  });

  it("renumbers a group's tasks with it: 2.1 becomes 3.1", async () => {
    const plan = await createPlan();
    await addGroup(plan.id, 1);
    const group = await addGroup(plan.id, 2);
    const first = (await addTask(group.id, '2.1').expect(201)).body;
    await addTask(group.id, '2.2.1').expect(201);

    await as.coordinator
      .patch(groupPath(plan.id, group.id))
      .send({ title: 'Nhóm nhiệm vụ đổi tên' })
      .expect(200);
    expect(codesOf(await getPlan(plan.id))).toEqual([[], ['2.1', '2.2.1']]);

    const moved = await as.coordinator
      .patch(groupPath(plan.id, group.id))
      .send({ ordinal: 3 })
      .expect(200);
    expect(moved.body).toEqual({ id: group.id, ordinal: 3, title: 'Nhóm nhiệm vụ đổi tên' });
    const after = await getPlan(plan.id);
    expect(after.groups.map((g) => g.ordinal)).toEqual([1, 3]);
    expect(codesOf(after)).toEqual([[], ['3.1', '3.2.1']]);
    const task = await as.viewer.get(`/api/v1/tasks/${first.id}`).expect(200);
    expect(task.body).toMatchObject({ code: '3.1', group: { ordinal: 3 } });

    // The old number is free again, and the group's next task takes its new number.
    const wrong = await addTask(group.id, '2.3').expect(400);
    expect(fieldsOf(wrong)).toEqual(['code']);
    await addTask(group.id, '3.3').expect(201);
    await addGroup(plan.id, 2);
    expect(codesOf(await getPlan(plan.id))).toEqual([[], [], ['3.1', '3.2.1', '3.3']]);
  });

  it('deletes a group only when it has no tasks', async () => {
    const plan = await createPlan();
    const full = await addGroup(plan.id, 1);
    const empty = await addGroup(plan.id, 2);
    await addTask(full.id, '1.1').expect(201);
    const refused = await as.coordinator.delete(groupPath(plan.id, full.id)).expect(409);
    expect(refused.body.code).toBe('plan_group_has_tasks');
    await as.coordinator.delete(groupPath(plan.id, empty.id)).expect(204);
    const after = await getPlan(plan.id);
    expect(after.groups.map((g) => g.id)).toEqual([full.id]);
    expect(codesOf(after)).toEqual([['1.1']]);
  });

  it('deletes a plan only when it has no tasks, its empty groups with it', async () => {
    const full = await createPlan();
    await addTask((await addGroup(full.id, 1)).id, '1.1').expect(201);
    const refused = await as.coordinator.delete(`/api/v1/plans/${full.id}`).expect(409);
    expect(refused.body.code).toBe('plan_not_empty');
    await as.viewer.get(`/api/v1/plans/${full.id}`).expect(200);

    const empty = await createPlan({ number: '12/KH-UBND' });
    const group = await addGroup(empty.id, 1);
    await as.coordinator.delete(`/api/v1/plans/${empty.id}`).expect(204);
    const gone = await as.viewer.get(`/api/v1/plans/${empty.id}`).expect(404);
    expect(gone.body.code).toBe('plan_not_found');
    const list = await as.viewer.get('/api/v1/plans').query({ pageSize: 100 }).expect(200);
    const ids = (list.body.items as { id: string }[]).map((p) => p.id);
    expect(ids).toContain(full.id);
    expect(ids).not.toContain(empty.id);
    const rows = await t.dataSource.query('SELECT id FROM plan_groups WHERE id = $1', [group.id]);
    expect(rows).toEqual([]);
  });

  it('answers 404 for an unknown plan or group, and for a group of another plan', async () => {
    const plan = await createPlan();
    const other = await createPlan();
    const foreign = await addGroup(other.id, 1);
    const notFound = async (res: request.Test, code: string) =>
      expect((await res.expect(404)).body.code).toBe(code);
    const c = as.coordinator;
    await notFound(
      c.patch(`/api/v1/plans/${MISSING}`).send({ title: 'Kế hoạch mới' }),
      'plan_not_found',
    );
    await notFound(c.delete(`/api/v1/plans/${MISSING}`), 'plan_not_found');
    await notFound(
      c.post(`/api/v1/plans/${MISSING}/groups`).send({ ordinal: 1, title: 'Nhóm một' }),
      'plan_not_found',
    );
    await notFound(c.patch(groupPath(MISSING, foreign.id)).send({ ordinal: 2 }), 'plan_not_found');
    await notFound(
      c.patch(groupPath(plan.id, MISSING)).send({ ordinal: 2 }),
      'plan_group_not_found',
    );
    await notFound(c.delete(groupPath(plan.id, MISSING)), 'plan_group_not_found');
    await notFound(
      c.patch(groupPath(plan.id, foreign.id)).send({ ordinal: 2 }),
      'plan_group_not_found',
    );
    await notFound(c.delete(groupPath(plan.id, foreign.id)), 'plan_group_not_found');
    expect((await getPlan(other.id)).groups).toEqual([
      expect.objectContaining({ id: foreign.id, ordinal: 1 }),
    ]);
    await c.patch('/api/v1/plans/abc').send({ title: 'Kế hoạch mới' }).expect(400);
    await c.delete(groupPath(plan.id, 'abc')).expect(400);
  });

  it('lets only admins and coordinators write plans and groups', async () => {
    const plan = await createPlan();
    const group = await addGroup(plan.id, 1);
    const before = await getPlan(plan.id);
    for (const role of ['viewer', 'editor', 'reporter']) {
      const agent = as[role]!;
      const writes: [string, () => request.Test][] = [
        ['create plan', () => agent.post('/api/v1/plans').send(planBody())],
        [
          'edit plan',
          () => agent.patch(`/api/v1/plans/${plan.id}`).send({ title: 'Kế hoạch sửa trái phép' }),
        ],
        ['delete plan', () => agent.delete(`/api/v1/plans/${plan.id}`)],
        [
          'create group',
          () =>
            agent.post(`/api/v1/plans/${plan.id}/groups`).send({ ordinal: 2, title: 'Nhóm thêm' }),
        ],
        ['edit group', () => agent.patch(groupPath(plan.id, group.id)).send({ ordinal: 5 })],
        ['delete group', () => agent.delete(groupPath(plan.id, group.id))],
      ];
      for (const [label, write] of writes) {
        const res = await write();
        expect(res.status, `${role}: ${label}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    }
    for (const path of ['/api/v1/plans', `/api/v1/plans/${plan.id}/groups`])
      await request(t.url).post(path).send({}).expect(401);
    expect(await getPlan(plan.id)).toEqual(before);
  });

  it('audits each write of a plan and of a group, the renumbered tasks with it', async () => {
    const plan = await createPlan({ number: '45/KH-UBND' });
    await as.admin.patch(`/api/v1/plans/${plan.id}`).send({ endYear: 2025 }).expect(200);
    const group = await addGroup(plan.id, 1);
    const task = (await addTask(group.id, '1.1').expect(201)).body;
    await as.coordinator.patch(groupPath(plan.id, group.id)).send({ ordinal: 4 }).expect(200);
    await as.coordinator.delete(`/api/v1/tasks/${task.id}`).expect(204);
    await as.coordinator.delete(groupPath(plan.id, group.id)).expect(204);
    await as.coordinator.delete(`/api/v1/plans/${plan.id}`).expect(204);

    const planLog = await auditOf('plan', plan.id);
    expect(planLog.map((e) => e.action)).toEqual(['plan.delete', 'plan.update', 'plan.create']);
    expect(planLog[2]!.after).toMatchObject({ number: '45/KH-UBND', endYear: 2030 });
    expect(planLog[1]).toMatchObject({ before: { endYear: 2030 }, after: { endYear: 2025 } });
    expect(planLog[0]).toMatchObject({ before: { number: '45/KH-UBND', groups: [] }, after: null });

    const groupLog = await auditOf('plan_group', group.id);
    expect(groupLog.map((e) => e.action)).toEqual([
      'plan_group.delete',
      'plan_group.update',
      'plan_group.create',
    ]);
    expect(groupLog[2]!.after).toMatchObject({ planId: plan.id, ordinal: 1 });
    expect(groupLog[1]).toMatchObject({
      before: { ordinal: 1 },
      after: { ordinal: 4, renumberedTasks: [{ id: task.id, from: '1.1', to: '4.1' }] },
    });
    expect(groupLog[0]).toMatchObject({ before: { ordinal: 4 }, after: null });
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = (await request(t.url).get('/api/docs/openapi.json').expect(200)).body;
    const answer = (path: string, method: string, status: string) =>
      doc.paths[path][method].responses[status];
    const schema = (path: string, method: string, status: string) =>
      answer(path, method, status).content['application/json'].schema;
    expect(schema('/api/v1/plans', 'post', '201')).toEqual({
      $ref: '#/components/schemas/PlanResponseDto',
    });
    expect(schema('/api/v1/plans/{id}', 'patch', '200')).toEqual({
      $ref: '#/components/schemas/PlanResponseDto',
    });
    expect(schema('/api/v1/plans/{id}/groups', 'post', '201')).toEqual({
      $ref: '#/components/schemas/PlanGroupRefDto',
    });
    expect(schema('/api/v1/plans/{id}/groups/{groupId}', 'patch', '200')).toEqual({
      $ref: '#/components/schemas/PlanGroupRefDto',
    });
    expect(answer('/api/v1/plans/{id}', 'delete', '204')).toBeDefined();
    expect(answer('/api/v1/plans/{id}', 'delete', '409').description).toContain('plan_not_empty');
    expect(answer('/api/v1/plans/{id}/groups/{groupId}', 'delete', '409').description).toBe(
      'plan_group_has_tasks',
    );
    expect(doc.components.schemas.CreatePlanDto.required.sort()).toEqual(
      ['endYear', 'issuedOn', 'issuingUnitId', 'number', 'startYear', 'title'].sort(),
    );
  });
});
