import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionEntity } from '../../src/modules/auth/session.entity';
import { signedInAs, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

describe('staff sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '5' });
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly, SameSite=Strict cookie and knows who you are', async () => {
    const { email } = await signedInAs(t, 'editor');
    const agent = request.agent(t.url);
    const res = await agent
      .post('/api/v1/auth/login')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.user).toMatchObject({ email, role: 'editor', mustChangePassword: false });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers['set-cookie'][0];
    expect(cookie).toMatch(/^gcm_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie, 'no https public URL: not Secure').not.toMatch(/Secure/);
    expect(res.headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
    const me = await agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.email).toBe(email);
  });

  it('answers signed-in requests with Cache-Control: no-store', async () => {
    const { agent, email } = await signedInAs(t, 'viewer');
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    for (const path of ['/api/v1/auth/me', '/api/v1/auth/sessions', '/api/v1/units']) {
      const res = await agent.get(path).expect(200);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const { email } = await signedInAs(t, 'viewer');
    const wrong = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: 'sai-mat-khau-1' })
      .expect(401);
    const unknown = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'khong-co@test.gcm.vn', password: 'sai-mat-khau-1' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('rate-limits repeated sign-in attempts on one account', async () => {
    const { email } = await signedInAs(t, 'viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email, password: `doan-sai-${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(429);
    expect(limited.body.code).toBe('too_many_requests');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('does not count successful sign-ins toward the limit', async () => {
    const { email } = await signedInAs(t, 'viewer');
    for (let i = 0; i < 6; i++) {
      await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email, password: TEST_PASSWORD })
        .expect(200);
    }
    const failures: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email, password: `doan-sai-${i}` });
      failures.push(res.status);
    }
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(429);
  });

  it('ends the session on logout', async () => {
    const { agent } = await signedInAs(t, 'coordinator');
    await agent.post('/api/v1/auth/logout').expect(204);
    const res = await agent.get('/api/v1/auth/me').expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('refuses an expired session', async () => {
    const { agent, userId } = await signedInAs(t, 'coordinator');
    await t.dataSource
      .getRepository(SessionEntity)
      .update({ userId }, { expiresAt: new Date(Date.now() - 1000) });
    await agent.get('/api/v1/auth/me').expect(401);
  });

  it('lists my sessions and revokes another one', async () => {
    const first = await signedInAs(t, 'editor');
    const second = request.agent(t.url);
    await second
      .post('/api/v1/auth/login')
      .send({ email: first.email, password: TEST_PASSWORD })
      .expect(200);
    const sessions = (await first.agent.get('/api/v1/auth/sessions').expect(200)).body;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s: { current: boolean }) => !s.current);
    await first.agent.delete(`/api/v1/auth/sessions/${other.id}`).expect(204);
    await second.get('/api/v1/auth/me').expect(401);
    await first.agent.get('/api/v1/auth/me').expect(200);
  });

  it('forces a one-time password to be changed before anything else, then ends other sessions', async () => {
    const { agent, email } = await signedInAs(t, 'coordinator', { mustChangePassword: true });
    const other = request.agent(t.url);
    await other.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);

    const blocked = await agent.get('/api/v1/units').expect(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect((await agent.get('/api/v1/auth/me').expect(200)).body.mustChangePassword).toBe(true);

    const weak = await agent
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'ngan' })
      .expect(400);
    expect(weak.body.code).toBe('weak_password');
    const wrong = await agent
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: 'khong-dung-123', newPassword: 'Mat-khau-moi-2026' })
      .expect(400);
    expect(wrong.body.code).toBe('wrong_current_password');

    await agent
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Mật-khẩu-mới-2026' })
      .expect(204);
    await agent.get('/api/v1/units').expect(200);
    await other.get('/api/v1/auth/me').expect(401);
    await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: 'Mật-khẩu-mới-2026' })
      .expect(200);
  });

  it('refuses common and trivially patterned new passwords, saying why', async () => {
    const { agent, email } = await signedInAs(t, 'editor');
    const cases = [
      ['password12', 'common'],
      ['aaaaaaaaa1', 'pattern'],
      ['abcdefgh12', 'pattern'],
      [`${email.split('@')[0]}1`, 'personal'],
    ] as const;
    for (const [newPassword, reason] of cases) {
      const res = await agent
        .post('/api/v1/auth/change-password')
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(400);
      expect(res.body.code, newPassword).toBe('weak_password');
      expect(res.body.details, newPassword).toEqual([
        { field: 'newPassword', message: expect.any(String), reason },
      ]);
    }
    await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
  });

  it('does not let a disabled account sign in, and ends its sessions', async () => {
    const admin = await signedInAs(t, 'admin');
    const victim = await signedInAs(t, 'editor');
    await admin.agent.delete(`/api/v1/users/${victim.userId}`).expect(204);
    await victim.agent.get('/api/v1/auth/me').expect(401);
    const res = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: victim.email, password: TEST_PASSWORD })
      .expect(403);
    expect(res.body.code).toBe('account_disabled');
  });
});

describe('sign-in behind an https public URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://gcm.example.gov.vn' });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure and sends HSTS', async () => {
    const { email } = await signedInAs(t, 'viewer');
    const res = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    expect(res.headers['set-cookie'][0]).toMatch(/; Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
