import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TIP_LIMITS } from '@gcm/domain';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { Clock } from './common/clock/clock';
import {
  bodyParserErrors,
  bodyParsers,
  fileBodyParser,
  importBodyParsers,
} from './common/http/body-parsers';
import { createValidationPipe } from './common/validation/validation-pipe';
import { apiLogger } from './common/logging/iso-timestamp-logger';
import { APP_VERSION } from './config/app-info';
import { servedOverHttps, type Env } from './config/env';
import type { DatabaseConnection } from './database/database';

export const API_PREFIX = 'api/v1';

/** Builds the Nest application (migrations applied) without listening; main.ts and the tests share it. */
export async function createApp(
  env: Env,
  database: Pick<DatabaseConnection, 'url' | 'mode'>,
  options: { clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({
      env,
      databaseUrl: database.url,
      databaseMode: database.mode,
      clock: options.clock,
    }),
    {
      bodyParser: false,
      logger: apiLogger(env.LOG_LEVEL),
    },
  );
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Scripts only from files: the console and the API docs have no inline script, so an
      // injected one does not run. The bot simulator loads the bot's web-chat widget, which
      // talks to the bot (WEB_CHAT_URL).
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", ...(env.WEB_CHAT_URL ? [env.WEB_CHAT_URL] : [])],
          'connect-src': ["'self'", ...(env.WEB_CHAT_URL ? [env.WEB_CHAT_URL] : [])],
          // A report's photo is fetched with the session and shown through an object URL.
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
      // HSTS over plain HTTP means nothing to a browser, and is wrong for a server that has no TLS.
      strictTransportSecurity: servedOverHttps(env),
    }),
  );
  app.use(cookieParser());
  // Body parsers skip a body already parsed, so the import route's larger limits come first.
  app.use(`/${API_PREFIX}/knowledge/faqs/import`, ...importBodyParsers(env.IMPORT_LIMIT_KB));
  app.use(`/${API_PREFIX}/companies/import`, ...importBodyParsers(env.IMPORT_LIMIT_KB));
  // The bot uploads the bytes of the files it fetches (a report's photos) as they are.
  app.use(`/${API_PREFIX}/bot/files`, fileBodyParser(TIP_LIMITS.photoBytes));
  app.use(...bodyParsers(env.BODY_LIMIT_KB));
  app.use(bodyParserErrors);
  if (env.CORS_ORIGINS) {
    app.enableCors({ origin: env.CORS_ORIGINS.split(',').map((o) => o.trim()), credentials: true });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());

  const openApi = new DocumentBuilder()
    .setTitle('GCM Helpdesk API')
    .setDescription('Core API of GCM Helpdesk. Errors are always { code, message, details? }.')
    .setVersion(APP_VERSION)
    .addCookieAuth('gcm_session')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  serveConsole(app, env.ADMIN_DIST_DIR);
  await app.init();
  return app;
}

/** Serves the built admin console at / (with history-mode fallback) when it has been built. */
function serveConsole(app: NestExpressApplication, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path.startsWith('/api/') || req.path === '/api' || req.path === '/health';
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}

export function consoleIsBuilt(env: Env): boolean {
  return existsSync(path.join(env.ADMIN_DIST_DIR, 'index.html'));
}
