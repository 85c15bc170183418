import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { BOT_TOKEN } from '../support/bot-factories';
import { createUnit, signedInAs, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const OTHER_SITE = 'https://evil.example';
const PUBLIC_URL = 'http://gcm.test.gcm.vn';
const CONSOLE_ORIGIN = 'http://console.test.gcm.vn';

/**
 * A page on another site can make the browser post a form to the API, and the browser may
 * attach the session cookie. Writes with the cookie must come from the API's own pages.
 */
describe('writes with the session cookie from another site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      PUBLIC_URL,
      CORS_ORIGINS: CONSOLE_ORIGIN,
      BOT_SERVICE_TOKEN: BOT_TOKEN,
    });
  });
  afterAll(() => t.close());

  it('refuses resetting a password, restoring a unit and signing out from another site', async () => {
    const admin = await signedInAs(t, 'admin');
    const editor = await signedInAs(t, 'editor');

    const reset = await admin.agent
      .post(`/api/v1/users/${editor.userId}/reset-password`)
      .set('Origin', OTHER_SITE)
      .type('form')
      .send('')
      .expect(403);
    expect(reset.body.code).toBe('cross_site_request');
    expect(reset.body).not.toHaveProperty('temporaryPassword');
    await editor.agent.get('/api/v1/auth/me').expect(200); // a reset would have ended it

    const unit = await createUnit(t, { kind: 'province' });
    await admin.agent.delete(`/api/v1/units/${unit.id}`).expect(204);
    await admin.agent
      .post(`/api/v1/units/${unit.id}/restore`)
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
    await admin.agent
      .post(`/api/v1/units/${unit.id}/restore`)
      .set('Origin', 'null') // a sandboxed frame
      .expect(403);
    const stored = await t.dataSource
      .getRepository(UnitEntity)
      .findOne({ where: { id: unit.id }, withDeleted: true });
    expect(stored?.deletedAt).not.toBeNull();

    const logout = await admin.agent
      .post('/api/v1/auth/logout')
      .set('Origin', OTHER_SITE)
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
    expect(logout.body.message).toMatch(/another site/);
    await admin.agent.get('/api/v1/auth/me').expect(200);
  });

  it('takes the console’s own writes: same origin, its dev server, its configured origins', async () => {
    const { agent } = await signedInAs(t, 'coordinator');
    const createProvince = () =>
      agent
        .post('/api/v1/units')
        .send({ code: `P-${Math.random()}`.slice(0, 12), name: 'Tỉnh', kind: 'province' });

    // The console served by the API, in a current browser and in one without Sec-Fetch-Site.
    await createProvince().set('Origin', t.url).set('Sec-Fetch-Site', 'same-origin').expect(201);
    await createProvince().set('Origin', t.url).expect(201);
    // Vite's dev server forwards /api with the browser's Host and Origin (changeOrigin: false).
    await createProvince()
      .set('Host', 'localhost:5173')
      .set('Origin', 'http://localhost:5173')
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(201);
    // A console on a sibling host, named in CORS_ORIGINS.
    await createProvince()
      .set('Origin', CONSOLE_ORIGIN)
      .set('Sec-Fetch-Site', 'same-site')
      .expect(201);
    // Behind a proxy that passes another Host, the public URL is still the API's own origin.
    await createProvince().set('Origin', PUBLIC_URL).expect(201);
    // No Origin and no Sec-Fetch-Site: not a browser (curl, a script).
    await createProvince().expect(201);
    // Reads are not refused; CORS keeps their answers from the other site.
    await agent.get('/api/v1/auth/me').set('Origin', OTHER_SITE).expect(200);
  });

  it('leaves bearer tokens and requests without the cookie alone', async () => {
    const { email } = await signedInAs(t, 'viewer');
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    const token = /gcm_session=([^;]+)/.exec(login.headers['set-cookie'][0])![1];
    await request(t.url)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${token}`)
      .set('Origin', OTHER_SITE)
      .expect(204);

    const release = await request(t.url)
      .post('/api/v1/bot/updates/release')
      .set('Authorization', `Bearer ${BOT_TOKEN}`)
      .set('Origin', OTHER_SITE)
      .send({ channel: 'telegram', updateId: 'never-seen' });
    expect(release.status).toBe(404);

    const ask = await request(t.url)
      .post('/api/v1/assistant/ask')
      .set('Origin', OTHER_SITE)
      .send({ text: 'Làm căn cước ở đâu?' });
    expect(ask.status).toBe(200);
  });
});
