import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { API_PREFIX, consoleIsBuilt, createApp } from './app.factory';
import { apiLogger } from './common/logging/iso-timestamp-logger';
import { localTipKeyFile, withBotToken, withLocalTipKey } from './config/data-dir-secrets';
import { Env, EnvError, loadEnv } from './config/env';
import { openDatabase } from './database/database';
import { FirstRunService, FirstRunReport } from './database/seeds/first-run.service';

async function main(): Promise<void> {
  const started = Date.now();
  const env = withLocalTipKey(withBotToken(loadEnv()));
  // The lines logged before Nest starts (the embedded database's) as those after it.
  Logger.overrideLogger(apiLogger(env.LOG_LEVEL));
  const database = await openDatabase(env);
  const app = await createApp(env, database);
  const report = await app.get(FirstRunService).run();
  await app.listen(env.API_PORT, env.API_HOST);

  const base = env.PUBLIC_URL ?? `http://localhost:${env.API_PORT}`;
  const lines = [
    `GCM Helpdesk API ready in ${Date.now() - started} ms`,
    `  API:        ${base}/${API_PREFIX}`,
    `  API docs:   ${base}/api/docs`,
    `  Health:     ${base}/health`,
    consoleIsBuilt(env)
      ? `  Console:    ${base}/`
      : `  Console:    not built (run the build, or the console's dev server on port 5173)`,
    database.mode === 'embedded'
      ? `  Database:   embedded PGlite, data folder ${database.dataDir}`
      : `  Database:   PostgreSQL server (DATABASE_URL)`,
    ...tipKeyLines(env),
    ...firstRunLines(report),
  ];
  // Printed, not logged: operators look for these lines, and the one-time password appears only here.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  // The one shutdown path (Nest's own signal hooks are off): the app closes its database pool
  // once, then the embedded database stops.
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function tipKeyLines(env: Env): string[] {
  if (env.TIPS_ENCRYPTION_KEYS || !env.TIPS_ENCRYPTION) return [];
  return [
    `  Báo tin:    sealed with a key made for this data folder (${localTipKeyFile(env)}); set TIPS_ENCRYPTION_KEYS in production`,
  ];
}

function firstRunLines(report: FirstRunReport): string[] {
  return [...adminLines(report), ...starterLines(report)];
}

function adminLines(report: FirstRunReport): string[] {
  if (report.admin?.oneTimePassword) {
    return [
      `  First administrator: ${report.admin.email}`,
      `  One-time password:   ${report.admin.oneTimePassword}   (shown once; change it at first sign-in)`,
    ];
  }
  if (report.admin) return [`  First administrator: ${report.admin.email} (from ADMIN_EMAIL)`];
  if (report.needsAdmin) {
    return [
      '  No account yet: create one with `pnpm --filter @gcm/api cli create-admin --email you@example.vn`',
    ];
  }
  return [];
}

function starterLines(report: FirstRunReport): string[] {
  if (report.starterFaqs?.status !== 'draft') return [];
  return [
    `  Starter FAQs: ${report.starterFaqs.count} drafts marked for review; the bot answers only once staff publish them`,
  ];
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\nSee docs/configuration.md.\n`);
  } else {
    new Logger('Bootstrap').error(error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
