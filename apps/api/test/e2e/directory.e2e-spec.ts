import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopic } from '../support/knowledge-factories';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

describe('support directory', () => {
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

  const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name).sort();

  it('keeps contacts by the units they serve: a ward gets its own, its city’s and the nationwide ones', async () => {
    const ward = await coordinator
      .post('/api/v1/directory/contacts')
      .send({
        name: 'Công an phường Đức Xuân',
        kind: 'police',
        phone: '0000 000 001',
        unitIds: [tree.wardA.id],
        openingHours: '7:30–17:00',
        reviewDueOn: '2027-06-30',
      })
      .expect(201);
    expect(ward.body).toMatchObject({
      kind: 'police',
      unitIds: [tree.wardA.id],
      topicIds: [],
      sample: false,
      reviewDueOn: '2027-06-30',
    });
    await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Phòng Lao động thành phố', kind: 'labour_office', unitIds: [tree.city.id] })
      .expect(201);
    await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Số khẩn cấp 113', kind: 'police', phone: '113' })
      .expect(201);

    const forWardA = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ unitId: tree.wardA.id })
      .expect(200);
    expect(names(forWardA.body)).toEqual([
      'Công an phường Đức Xuân',
      'Phòng Lao động thành phố',
      'Số khẩn cấp 113',
    ]);
    const forWardB = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ unitId: tree.wardB.id })
      .expect(200);
    expect(names(forWardB.body)).toEqual(['Phòng Lao động thành phố', 'Số khẩn cấp 113']);
    const found = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ search: 'duc xuan' })
      .expect(200);
    expect(names(found.body)).toEqual(['Công an phường Đức Xuân']);

    const audit = await admin
      .get('/api/v1/audit')
      .query({ entityType: 'support_contact', entityId: ward.body.id })
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'support_contact.create',
    ]);
  });

  it('lets coordinators and admins write, and everyone signed in read', async () => {
    const { body: contact } = await admin
      .post('/api/v1/directory/contacts')
      .send({ name: 'Hội Phụ nữ thành phố', kind: 'womens_union', unitIds: [tree.city.id] })
      .expect(201);
    for (const role of ['editor', 'viewer', 'unit_reporter'] as const) {
      const { agent } = await signedInAs(t, role, {
        unitId: role === 'unit_reporter' ? tree.wardA.id : undefined,
      });
      await agent.get(`/api/v1/directory/contacts/${contact.id}`).expect(200);
      await agent
        .post('/api/v1/directory/contacts')
        .send({ name: `Thử ${role}`, kind: 'other' })
        .expect(403);
      await agent
        .patch(`/api/v1/directory/contacts/${contact.id}`)
        .send({ phone: '0000 000 009' })
        .expect(403);
      await agent.delete(`/api/v1/directory/contacts/${contact.id}`).expect(403);
    }
    await t.http.get('/api/v1/directory/contacts').expect(401);

    await coordinator
      .patch(`/api/v1/directory/contacts/${contact.id}`)
      .send({ phone: '0000 000 010' })
      .expect(200);
    await coordinator.delete(`/api/v1/directory/contacts/${contact.id}`).expect(204);
    await coordinator.get(`/api/v1/directory/contacts/${contact.id}`).expect(404);
    const audit = await admin
      .get('/api/v1/audit')
      .query({ entityType: 'support_contact', entityId: contact.id })
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'support_contact.create',
      'support_contact.delete',
      'support_contact.update',
    ]);
  });

  it('refuses bad input with a message saying what to fix', async () => {
    const badPhone = await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Sai số', kind: 'police', phone: 'gọi 113 nhé' })
      .expect(400);
    expect(JSON.stringify(badPhone.body.details)).toContain('phone');
    const unknownUnit = await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Sai đơn vị', kind: 'police', unitIds: [crypto.randomUUID()] })
      .expect(400);
    expect(unknownUnit.body).toMatchObject({ code: 'support_contact_invalid' });
    expect(unknownUnit.body.message).toMatch(/No unit has the id/);
    const badKind = await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Sai loại', kind: 'bakery' })
      .expect(400);
    expect(JSON.stringify(badKind.body)).toContain('kind must be one of');
    await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'Trùng tên', kind: 'other' })
      .expect(201);
    const twice = await coordinator
      .post('/api/v1/directory/contacts')
      .send({ name: 'trùng tên', kind: 'other' })
      .expect(409);
    expect(twice.body.message).toMatch(/already exists/);
  });

  it('imports a CSV with unit codes and topic names, all or nothing, updating names already there', async () => {
    await createTopic(admin, 'Mua bán người');
    const csv = [
      'name,kind,phone,units,topics,review_due_on,sample',
      `Công an phường Sông Cầu,police,0000 000 020,${tree.wardB.code},mua ban nguoi,31/12/2027,có`,
      'Trùng tên,other,0000 000 021,,,,',
    ].join('\n');
    const dry = await coordinator
      .post('/api/v1/directory/contacts/import?dryRun=true')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(dry.body).toEqual({ created: 1, updated: 1, dryRun: true });
    const none = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ search: 'song cau' })
      .expect(200);
    expect(none.body.total).toBe(0);

    await coordinator
      .post('/api/v1/directory/contacts/import')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200, { created: 1, updated: 1, dryRun: false });
    const imported = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ unitId: tree.wardB.id, kind: 'police', search: 'song cau' })
      .expect(200);
    expect(imported.body.items[0]).toMatchObject({
      name: 'Công an phường Sông Cầu',
      reviewDueOn: '2027-12-31',
      sample: true,
    });
    expect(imported.body.items[0].topicIds).toHaveLength(1);

    const bad = await coordinator
      .post('/api/v1/directory/contacts/import')
      .set('Content-Type', 'text/csv')
      .send(
        [
          'name,kind,phone,units',
          'Mới hoàn toàn,police,0000 000 030,KHONG-CO',
          'Mới nữa,police,abc,',
          'Mới nữa,police,,',
        ].join('\n'),
      )
      .expect(400);
    expect(bad.body.code).toBe('csv_invalid');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'units' }),
        expect.objectContaining({ line: 3, field: 'phone' }),
        expect.objectContaining({ line: 4, field: 'name' }),
      ]),
    );
    const after = await coordinator
      .get('/api/v1/directory/contacts')
      .query({ search: 'Mới' })
      .expect(200);
    expect(after.body.total).toBe(0);
  });
});
