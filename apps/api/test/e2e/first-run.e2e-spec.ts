import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { FirstRunService } from '../../src/database/seeds/first-run.service';
import { PlanEntity } from '../../src/modules/plan/plan.entity';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { startTestApp } from '../support/test-app';

describe('first run', () => {
  it('creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD with no forced change, and no demo data when DEMO_DATA=false', async () => {
    const t = await startTestApp({
      ADMIN_EMAIL: 'quan.tri@backan.gov.vn',
      ADMIN_PASSWORD: 'Mat-khau-quan-tri-1',
      DEMO_DATA: 'false',
    });
    try {
      const report = await t.app.get(FirstRunService).run();
      expect(report).toEqual({
        admin: { email: 'quan.tri@backan.gov.vn' },
        demoDataLoaded: false,
        needsAdmin: false,
      });
      const agent = request.agent(t.url);
      const login = await agent
        .post('/api/v1/auth/login')
        .send({ email: 'quan.tri@backan.gov.vn', password: 'Mat-khau-quan-tri-1' })
        .expect(200);
      expect(login.body.user).toMatchObject({ role: 'admin', mustChangePassword: false });
      await agent.get('/api/v1/users').expect(200);
      expect(await t.dataSource.getRepository(UnitEntity).count()).toBe(0);
      expect(await t.dataSource.getRepository(PlanEntity).count()).toBe(0);
      expect(await t.app.get(FirstRunService).run()).toEqual({
        demoDataLoaded: false,
        needsAdmin: false,
      });
    } finally {
      await t.close();
    }
  });
});
