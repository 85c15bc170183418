import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.factory';
import { loadEnv } from '../../src/config/env';
import { openDatabase } from '../../src/database/database';
import { FirstRunService } from '../../src/database/seeds/first-run.service';
import { DEMO_UNITS } from '../../src/database/seeds/demo-units';
import { signedInAs, startTestApp } from '../support/test-app';

/**
 * The embedded default: one pooled connection in front of PGlite. Concurrent requests that
 * each run a transaction must all succeed, none interleaving with another.
 */
describe('embedded database', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('serves concurrent requests and transactions correctly', async () => {
    const t = await startTestApp();
    try {
      const { agent } = await signedInAs(t, 'coordinator');
      const { body: province } = await agent
        .post('/api/v1/units')
        .send({ code: 'T-01', name: 'Tỉnh', kind: 'province' })
        .expect(201);
      const writes = Array.from({ length: 30 }, (_, i) =>
        agent
          .post('/api/v1/units')
          .send({ code: `D-${i}`, name: `Huyện ${i}`, kind: 'district', parentId: province.id }),
      );
      const duplicates = Array.from({ length: 5 }, () =>
        agent
          .post('/api/v1/units')
          .send({ code: 'D-DUP', name: 'Trùng', kind: 'district', parentId: province.id }),
      );
      const reads = Array.from({ length: 30 }, () => agent.get('/api/v1/units'));
      const results = await Promise.all([...writes, ...duplicates, ...reads]);
      expect(results.slice(0, 30).map((r) => r.status)).toEqual(Array(30).fill(201));
      expect(
        results
          .slice(30, 35)
          .map((r) => r.status)
          .sort(),
      ).toEqual([201, 409, 409, 409, 409]);
      expect(results.slice(35).every((r) => r.status === 200)).toBe(true);
      const all = await agent.get('/api/v1/units').query({ pageSize: 200 }).expect(200);
      expect(all.body.total).toBe(32);
      const audit = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.create'`,
      );
      expect(audit[0].n).toBe(32);
    } finally {
      await t.close();
    }
  });

  it('keeps its data across restarts, loads demo data and a one-time admin on first start only', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-embedded-'));
    dirs.push(dataDir);
    const env = loadEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'error', ADMIN_DIST_DIR: '/nonexistent' });

    const boot = async () => {
      const database = await openDatabase(env);
      const app = await createApp(env, database);
      const report = await app.get(FirstRunService).run();
      await app.listen(0, '127.0.0.1');
      return { app, database, report, http: request(app.getHttpServer()) };
    };

    const first = await boot();
    expect(first.database.mode).toBe('embedded');
    expect(first.report.demoDataLoaded).toBe(true);
    expect(first.report.admin?.email).toBe('admin@gcm.local');
    const password = first.report.admin!.oneTimePassword!;
    const login = await first.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@gcm.local', password })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    await first.app.close();
    await first.database.close();

    const second = await boot();
    expect(second.report).toEqual({ demoDataLoaded: false, needsAdmin: false });
    const again = await second.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@gcm.local', password })
      .expect(200);
    const cookie = again.headers['set-cookie'][0].split(';')[0];
    const units = await second.http.get('/api/v1/units').set('Cookie', cookie);
    expect(units.status).toBe(403); // one-time password not changed yet
    await second.http
      .post('/api/v1/auth/change-password')
      .set('Cookie', cookie)
      .send({ currentPassword: password, newPassword: 'Mat-khau-moi-2026' })
      .expect(204);
    const list = await second.http
      .get('/api/v1/units')
      .query({ pageSize: 200 })
      .set('Cookie', cookie)
      .expect(200);
    expect(list.body.total).toBe(DEMO_UNITS.length);
    expect(list.body.items.map((u: { name: string }) => u.name)).toContain('Công an thành phố');
    const plans = await second.http.get('/api/v1/plans').set('Cookie', cookie).expect(200);
    expect(plans.body.items).toMatchObject([{ issuedOn: '2020-07-17', groupCount: 5 }]);
    const templates = await second.http
      .get('/api/v1/reporting/templates')
      .set('Cookie', cookie)
      .expect(200);
    expect(templates.body.map((t: { code: string }) => t.code)).toEqual([
      'gcm_plan_yearly_report',
      'police_migration_statistics',
    ]);
    const reports = await second.http
      .get('/api/v1/reporting/submissions')
      .set('Cookie', cookie)
      .expect(200);
    expect(new Set(reports.body.items.map((s: { status: string }) => s.status))).toEqual(
      new Set(['draft', 'submitted', 'returned', 'accepted']),
    );
    await second.app.close();
    await second.database.close();
  }, 180_000); // two full starts of a persisted PGlite, the first loading the demo data
});
