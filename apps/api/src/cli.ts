/**
 * Operator commands:
 *   node dist/cli.js migrate                                apply pending migrations
 *   node dist/cli.js create-admin --email E [--password P]  create an administrator
 * With DATABASE_URL unset they open the embedded database under DATA_DIR, so run them while
 * the API is stopped (only one process may hold the embedded database).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { EnvError, loadEnv } from './config/env';
import { dataSourceOptions } from './database/data-source-options';
import { openDatabase } from './database/database';
import { FirstRunService } from './database/seeds/first-run.service';

const USAGE = 'Usage: cli migrate | cli create-admin --email you@example.vn [--password secret]';

async function run(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' } },
  });
  const env = loadEnv();
  const database = await openDatabase(env);
  try {
    switch (positionals[0]) {
      case 'migrate': {
        const dataSource = await new DataSource(
          dataSourceOptions(database.url, database.mode, 1),
        ).initialize();
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(
          applied.length
            ? `Applied: ${applied.map((m) => m.name).join(', ')}`
            : 'Nothing to apply.',
        );
        await dataSource.destroy();
        return;
      }
      case 'create-admin': {
        if (!values.email) throw new UsageError('--email is required');
        const app = await createApp({ ...env, LOG_LEVEL: 'warn' }, database);
        const oneTime = await app.get(FirstRunService).createAdmin(values.email, values.password);
        console.log(
          oneTime
            ? `Administrator ${values.email} created. One-time password (change it at first sign-in): ${oneTime}`
            : `Administrator ${values.email} created.`,
        );
        await app.close();
        return;
      }
      default:
        throw new UsageError(
          positionals[0] ? `unknown command ${positionals[0]}` : 'no command given',
        );
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

run().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof EnvError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
