import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { STARTER_GLOSSARY, STARTER_SYNONYMS, type Role, type UnitKind } from '@gcm/domain';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import type { Clock } from '../../src/common/clock/clock';
import { Env, loadEnv } from '../../src/config/env';
import type { DatabaseConnection } from '../../src/database/database';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { UsersService } from '../../src/modules/users/users.service';
import { DataSource } from 'typeorm';
import { openTestDatabase } from './test-database';
import { FirstRunService } from '../../src/database/seeds/first-run.service';
import { DictionaryService } from '../../src/modules/knowledge/dictionary.service';
import { seedEmergencyRoute } from '../../src/modules/knowledge/emergency-route';

export type TestAgent = ReturnType<typeof request.agent>;

export interface TestApp {
  app: INestApplication;
  env: Env;
  database: DatabaseConnection;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** An agent without a session. */
  http: TestAgent;
  dataSource: DataSource;
  close(): Promise<void>;
}

const QUIET: NodeJS.ProcessEnv = {
  LOG_LEVEL: 'error',
  DEMO_DATA: 'false',
  ADMIN_DIST_DIR: '/nonexistent',
  // Tests drive the reminder job themselves (RemindersService.runOnce).
  REPORT_REMINDER_INTERVAL_SECONDS: '0',
  // Tests drive the retention of confidential reports themselves (TipsRetentionService.runOnce).
  TIPS_RETENTION_INTERVAL_SECONDS: '0',
};

/** A key for confidential reports (`TIPS_ENCRYPTION_KEYS`), for the tests that use them. */
export const TEST_TIP_KEYS = {
  TIPS_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
};

/**
 * The real application on a fresh database, listening on a free loopback port. With
 * `dictionary`, what every new database gets besides accounts and FAQs is loaded: the starter
 * synonym dictionary and glossary the matcher needs, and the emergency route (the knowledge base
 * has no FAQ). With `firstRun`, the whole first-start routine
 * runs: the dictionary, the first administrator, the starter FAQs (drafts unless DEMO_DATA=true)
 * and the demo data if DEMO_DATA=true.
 */
export async function startTestApp(
  vars: NodeJS.ProcessEnv = {},
  options: { firstRun?: boolean; dictionary?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const env = loadEnv({ ...QUIET, ...vars });
  const database = await openTestDatabase();
  const app = await createApp(env, database, { clock: options.clock });
  if (options.firstRun) await app.get(FirstRunService).run();
  else if (options.dictionary) {
    await app.get(DictionaryService).seedOnce(STARTER_SYNONYMS, STARTER_GLOSSARY);
    await seedEmergencyRoute(app.get(DataSource).manager);
  }
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    env,
    database,
    url,
    http: request.agent(url),
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export const TEST_PASSWORD = 'Mat-khau-thu-2026';

/** Creates a user directly (no HTTP) and returns an agent signed in as them. */
export async function signedInAs(
  t: TestApp,
  role: Role,
  opts: { unitId?: string; mustChangePassword?: boolean } = {},
): Promise<{ agent: TestAgent; userId: string; email: string }> {
  const email = `${role}-${next()}@test.gcm.vn`;
  const { user } = await t.app.get(UsersService).create(null, {
    email,
    fullName: `Người dùng ${role}`,
    role,
    unitId: opts.unitId ?? null,
    password: TEST_PASSWORD,
  });
  if (opts.mustChangePassword)
    await t.dataSource.getRepository(UserEntity).update(user.id, { mustChangePassword: true });
  const agent = request.agent(t.url);
  await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  return { agent, userId: user.id, email };
}

/** Inserts a unit directly and returns it. */
export async function createUnit(
  t: TestApp,
  fields: { kind: UnitKind; parentId?: string | null; code?: string; name?: string },
): Promise<UnitEntity> {
  const repo = t.dataSource.getRepository(UnitEntity);
  return repo.save(
    repo.create({
      code: fields.code ?? `U-${next()}`.slice(0, 32),
      name: fields.name ?? `Đơn vị ${next()}`,
      kind: fields.kind,
      parentId: fields.parentId ?? null,
    }),
  );
}

/** A province → district → two communes tree, the shape most tests need. */
export async function createUnitTree(t: TestApp) {
  const province = await createUnit(t, { kind: 'province' });
  const city = await createUnit(t, { kind: 'district', parentId: province.id });
  const wardA = await createUnit(t, {
    kind: 'commune',
    parentId: city.id,
    name: 'Phường Đức Xuân',
  });
  const wardB = await createUnit(t, {
    kind: 'commune',
    parentId: city.id,
    name: 'Phường Sông Cầu',
  });
  return { province, city, wardA, wardB };
}
