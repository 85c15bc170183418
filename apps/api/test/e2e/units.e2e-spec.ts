import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

describe('units', () => {
  let t: TestApp;
  let coordinator: TestAgent;
  let admin: TestAgent;
  let tree: Awaited<ReturnType<typeof createUnitTree>>;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = (await signedInAs(t, 'coordinator')).agent;
    admin = (await signedInAs(t, 'admin')).agent;
    tree = await createUnitTree(t);
  });
  afterAll(() => t.close());

  it('creates, reads, updates and finds a unit, storing Vietnamese in NFC', async () => {
    const nfd = 'UBND xã Dương Quang'.normalize('NFD');
    const created = await coordinator
      .post('/api/v1/units')
      .send({
        code: 'X-DQ',
        name: `  ${nfd} `,
        kind: 'commune',
        parentId: tree.city.id,
        contactPhone: '0209 3870 123',
        contactEmail: '',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'X-DQ',
      name: 'UBND xã Dương Quang',
      contactEmail: null,
      deletedAt: null,
    });
    expect(created.body.name).toBe(created.body.name.normalize('NFC'));

    const updated = await coordinator
      .patch(`/api/v1/units/${created.body.id}`)
      .send({ contactName: 'Chị Hà' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'UBND xã Dương Quang', contactName: 'Chị Hà' });

    const found = await coordinator
      .get('/api/v1/units')
      .query({ search: 'duong quang' })
      .expect(200);
    expect(found.body.items.map((u: { code: string }) => u.code)).toEqual(['X-DQ']);
    const byParent = await coordinator
      .get('/api/v1/units')
      .query({ parentId: tree.city.id, kind: 'commune' })
      .expect(200);
    expect(byParent.body.total).toBe(3);
  });

  it('soft-deletes a unit, hides it, and restores it', async () => {
    const { body: unit } = await coordinator
      .post('/api/v1/units')
      .send({ code: 'P-XH', name: 'UBND phường Xuất Hóa', kind: 'commune', parentId: tree.city.id })
      .expect(201);
    await coordinator.delete(`/api/v1/units/${unit.id}`).expect(204);
    const visible = await coordinator
      .get('/api/v1/units')
      .query({ search: 'Xuất Hóa' })
      .expect(200);
    expect(visible.body.total).toBe(0);
    const withDeleted = await coordinator
      .get('/api/v1/units')
      .query({ search: 'Xuất Hóa', includeDeleted: true })
      .expect(200);
    expect(withDeleted.body.items[0].deletedAt).not.toBeNull();
    const restored = await coordinator.post(`/api/v1/units/${unit.id}/restore`).expect(200);
    expect(restored.body.deletedAt).toBeNull();
  });

  it('will not delete a unit that still has units under it, nor move a unit under itself', async () => {
    const res = await coordinator.delete(`/api/v1/units/${tree.city.id}`).expect(409);
    expect(res.body.code).toBe('unit_has_children');
    const dept = await coordinator
      .post('/api/v1/units')
      .send({ code: 'D-ROOT', name: 'Ban chỉ đạo', kind: 'department', parentId: tree.wardA.id })
      .expect(201);
    expect(dept.body.parentId).toBe(tree.wardA.id);
  });

  it('imports units from CSV, parents before children, updating existing codes; dry run writes nothing', async () => {
    const csv = [
      'code,name,kind,parent_code,contact_name,contact_phone,contact_email,address',
      'X-NT,UBND xã Nông Thượng,commune,D-NEW,,,,',
      `D-NEW,UBND huyện Mới,district,${tree.province.code},,,,`,
      `${tree.wardA.code},UBND phường Đức Xuân (đổi tên),commune,${tree.city.code},Anh Minh,0209 111 222,ducxuan@example.vn,Số 1 đường Trường Chinh`,
    ].join('\r\n');
    const dry = await admin
      .post('/api/v1/units/import')
      .query({ dryRun: true })
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(dry.body).toEqual({ created: 2, updated: 1, dryRun: true });
    expect((await admin.get('/api/v1/units').query({ search: 'Nông Thượng' })).body.total).toBe(0);

    const res = await admin
      .post('/api/v1/units/import')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(res.body).toEqual({ created: 2, updated: 1, dryRun: false });
    const ward = (await admin.get(`/api/v1/units/${tree.wardA.id}`).expect(200)).body;
    expect(ward).toMatchObject({
      name: 'UBND phường Đức Xuân (đổi tên)',
      contactEmail: 'ducxuan@example.vn',
    });
    const commune = (await admin.get('/api/v1/units').query({ search: 'Nông Thượng' })).body
      .items[0];
    const district = (await admin.get('/api/v1/units').query({ search: 'huyện Mới' })).body
      .items[0];
    expect(commune.parentId).toBe(district.id);
  });

  it('audits unit writes with who, what, when, before and after', async () => {
    const { body: unit } = await coordinator
      .post('/api/v1/units')
      .send({
        code: 'P-AUD',
        name: 'UBND phường Huyền Tụng',
        kind: 'commune',
        parentId: tree.city.id,
      })
      .expect(201);
    await coordinator
      .patch(`/api/v1/units/${unit.id}`)
      .send({ name: 'UBND phường Huyền Tụng mới' })
      .expect(200);
    await coordinator.delete(`/api/v1/units/${unit.id}`).expect(204);
    const log = (
      await admin.get('/api/v1/audit').query({ entityType: 'unit', entityId: unit.id }).expect(200)
    ).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual([
      'unit.delete',
      'unit.update',
      'unit.create',
    ]);
    expect(log.items[1]).toMatchObject({
      actorEmail: expect.stringMatching(/^coordinator-/),
      before: { name: 'UBND phường Huyền Tụng' },
      after: { name: 'UBND phường Huyền Tụng mới' },
      createdAt: expect.any(String),
    });
  });
});
