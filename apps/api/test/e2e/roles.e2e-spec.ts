import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUnit,
  createUnitTree,
  signedInAs,
  startTestApp,
  TestAgent,
  TestApp,
} from '../support/test-app';

/** The role matrix, through HTTP: who may read and write what. */
describe('role and unit checks', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof createUnitTree>>;
  const as: Record<string, TestAgent> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tree = await createUnitTree(t);
    for (const role of ['admin', 'editor', 'coordinator', 'viewer'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    as.reporter = (await signedInAs(t, 'unit_reporter', { unitId: tree.wardA.id })).agent;
    as.cityReporter = (await signedInAs(t, 'unit_reporter', { unitId: tree.city.id })).agent;
  });
  afterAll(() => t.close());

  it('asks for sign-in on every non-public route', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/units'],
      ['post', '/api/v1/units'],
      ['get', '/api/v1/users'],
      ['get', '/api/v1/audit'],
      ['get', '/api/v1/auth/me'],
    ] as const) {
      const res = await request(t.url)[method](path).send({});
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it('lets only admins manage users: an editor, coordinator or viewer cannot', async () => {
    for (const role of ['editor', 'coordinator', 'viewer', 'reporter']) {
      const list = await as[role].get('/api/v1/users');
      expect(list.status, role).toBe(403);
      expect(list.body.code).toBe('forbidden');
      await as[role]
        .post('/api/v1/users')
        .send({ email: 'x@test.gcm.vn', fullName: 'X', role: 'admin' })
        .expect(403);
    }
    await as.admin.get('/api/v1/users').expect(200);
  });

  it('lets only admins read the audit log', async () => {
    for (const role of ['editor', 'coordinator', 'viewer', 'reporter'])
      await as[role].get('/api/v1/audit').expect(403);
    await as.admin.get('/api/v1/audit').expect(200);
  });

  it('lets admins and coordinators write units; editors, viewers and reporters only read', async () => {
    const body = (code: string) => ({
      code,
      name: 'Phường Phùng Chí Kiên',
      kind: 'commune',
      parentId: tree.city.id,
    });
    await as.admin.post('/api/v1/units').send(body('R-ADMIN')).expect(201);
    await as.coordinator.post('/api/v1/units').send(body('R-COORD')).expect(201);
    for (const role of ['editor', 'viewer', 'reporter']) {
      await as[role]
        .post('/api/v1/units')
        .send(body(`R-${role}`))
        .expect(403);
      await as[role].patch(`/api/v1/units/${tree.wardA.id}`).send({ name: 'Đổi tên' }).expect(403);
      await as[role].delete(`/api/v1/units/${tree.wardB.id}`).expect(403);
    }
    await as.viewer.get(`/api/v1/units/${tree.wardB.id}`).expect(200);
  });

  it('shows a unit reporter only its own unit, never another unit’s data', async () => {
    const list = await as.reporter.get('/api/v1/units').expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([tree.wardA.id]);
    await as.reporter.get(`/api/v1/units/${tree.wardA.id}`).expect(200);
    const other = await as.reporter.get(`/api/v1/units/${tree.wardB.id}`).expect(404);
    expect(other.body.code).toBe('unit_not_found');
    await as.reporter.get(`/api/v1/units/${tree.city.id}`).expect(404);
  });

  it('lets a city-level reporter see the units under it but not above or beside it', async () => {
    const elsewhere = await createUnit(t, { kind: 'district', parentId: tree.province.id });
    const ids = (
      await as.cityReporter.get('/api/v1/units').query({ pageSize: 200 }).expect(200)
    ).body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([tree.city.id, tree.wardA.id, tree.wardB.id]));
    expect(ids).not.toContain(tree.province.id);
    expect(ids).not.toContain(elsewhere.id);
  });
});
