import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

describe('user management by an admin', () => {
  let t: TestApp;
  let admin: TestAgent;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ agent: admin, userId: adminId } = await signedInAs(t, 'admin'));
  });
  afterAll(() => t.close());

  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const res = await admin
      .post('/api/v1/users')
      .send({ email: '  Can.Bo@Test.gcm.vn ', fullName: 'Nguyễn Văn An', role: 'coordinator' })
      .expect(201);
    expect(res.body.user).toMatchObject({
      email: 'can.bo@test.gcm.vn',
      mustChangePassword: true,
      role: 'coordinator',
    });
    expect(res.body.temporaryPassword).toMatch(/^\S{16}$/);
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'can.bo@test.gcm.vn', password: res.body.temporaryPassword })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('makes a password the admin chose be changed at first sign-in too', async () => {
    const chosen = 'Mat-khau-do-quan-tri-dat-2026';
    const res = await admin
      .post('/api/v1/users')
      .send({
        email: 'dat.san@test.gcm.vn',
        fullName: 'Lê Văn Đạt',
        role: 'editor',
        password: chosen,
      })
      .expect(201);
    expect(res.body.user.mustChangePassword).toBe(true);
    expect(res.body).not.toHaveProperty('temporaryPassword');

    const user = request.agent(t.url);
    const login = await user
      .post('/api/v1/auth/login')
      .send({ email: 'dat.san@test.gcm.vn', password: chosen })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const blocked = await user.get('/api/v1/units').expect(403);
    expect(blocked.body.code).toBe('password_change_required');
    await user
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: chosen, newPassword: 'Mat-khau-cua-rieng-toi-2026' })
      .expect(204);
    await user.get('/api/v1/units').expect(200);
  });

  it('refuses a common password for a new account', async () => {
    const res = await admin
      .post('/api/v1/users')
      .send({
        email: 'yeu@test.gcm.vn',
        fullName: 'Phạm Yếu',
        role: 'viewer',
        password: 'password12',
      })
      .expect(400);
    expect(res.body.code).toBe('weak_password');
    expect(res.body.details).toEqual([
      { field: 'password', message: expect.any(String), reason: 'common' },
    ]);
  });

  it('binds a unit reporter to a unit and refuses one without', async () => {
    const { wardA } = await createUnitTree(t);
    const missing = await admin
      .post('/api/v1/users')
      .send({ email: 'bao.cao@test.gcm.vn', fullName: 'Trần Thị Bình', role: 'unit_reporter' })
      .expect(400);
    expect(missing.body.code).toBe('unit_required_for_reporter');
    const ok = await admin
      .post('/api/v1/users')
      .send({
        email: 'bao.cao@test.gcm.vn',
        fullName: 'Trần Thị Bình',
        role: 'unit_reporter',
        unitId: wardA.id,
      })
      .expect(201);
    expect(ok.body.user.unitId).toBe(wardA.id);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await admin
      .post('/api/v1/users')
      .send({ email: 'trung@test.gcm.vn', fullName: 'A', role: 'viewer' })
      .expect(201);
    const res = await admin
      .post('/api/v1/users')
      .send({ email: 'TRUNG@test.gcm.vn', fullName: 'B', role: 'viewer' })
      .expect(409);
    expect(res.body.code).toBe('email_taken');
  });

  it('changes a role, which ends the user’s sessions, and resets a password', async () => {
    const editor = await signedInAs(t, 'editor');
    const updated = await admin
      .patch(`/api/v1/users/${editor.userId}`)
      .send({ role: 'viewer' })
      .expect(200);
    expect(updated.body.role).toBe('viewer');
    await editor.agent.get('/api/v1/auth/me').expect(401);

    const reset = await admin.post(`/api/v1/users/${editor.userId}/reset-password`).expect(200);
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: editor.email, password: reset.body.temporaryPassword })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await admin.patch(`/api/v1/users/${adminId}`).send({ isActive: false }).expect(400);
    expect(res.body.code).toBe('cannot_change_own_account');
  });

  it('lists and searches accounts, paginated', async () => {
    const res = await admin
      .get('/api/v1/users')
      .query({ search: 'trung', pageSize: 5 })
      .expect(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(res.body.items[0].email).toBe('trung@test.gcm.vn');
  });

  it('records every write in the audit log, with before and after, without secrets', async () => {
    const created = await admin
      .post('/api/v1/users')
      .send({ email: 'audit@test.gcm.vn', fullName: 'Lê Văn C', role: 'viewer' })
      .expect(201);
    await admin
      .patch(`/api/v1/users/${created.body.user.id}`)
      .send({ fullName: 'Lê Văn Cường' })
      .expect(200);
    const log = await admin
      .get('/api/v1/audit')
      .query({ entityType: 'user', entityId: created.body.user.id })
      .expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.update',
      'user.create',
    ]);
    const [update] = log.body.items;
    expect(update).toMatchObject({
      actorId: adminId,
      before: { fullName: 'Lê Văn C' },
      after: { fullName: 'Lê Văn Cường' },
    });
    expect(JSON.stringify(log.body)).not.toMatch(/argon2|passwordHash/);
  });
});
