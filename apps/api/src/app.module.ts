import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from './common/clock/clock';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { THROTTLE_PUBLIC } from './common/throttling/scoped-throttler.guard';
import type { Env } from './config/env';
import { ENV } from './config/env.provider';
import { DatabaseAvailability } from './database/database-availability';
import { dataSourceOptions, DatabaseMode } from './database/data-source-options';
import { DATABASE_MODE } from './database/database.tokens';
import { FirstRunService } from './database/seeds/first-run.service';
import { AssistantModule } from './modules/assistant/assistant.module';
import { AuditModule } from './modules/audit/audit.module';
import { ChannelTokensModule } from './modules/channel-tokens/channel-tokens.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { AuthModule } from './modules/auth/auth.module';
import { CompaniesModule } from './modules/companies/companies.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { HealthModule } from './modules/health/health.module';
import { KnowledgeModule } from './modules/knowledge/knowledge.module';
import { LinkedAccountsModule } from './modules/linked-accounts/linked-accounts.module';
import { BotFilesModule } from './modules/bot-files/bot-files.module';
import { PlanModule } from './modules/plan/plan.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { TipsModule } from './modules/tips/tips.module';
import { UnitsModule } from './modules/units/units.module';
import { UsersModule } from './modules/users/users.module';

export interface AppModuleOptions {
  env: Env;
  databaseUrl: string;
  databaseMode: DatabaseMode;
  /** The time the rules see; tests pass a ManualClock. Default: the system clock. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register({ env, databaseUrl, databaseMode, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, databaseMode, env.DATABASE_POOL_SIZE),
          migrationsRun: true,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        ThrottlerModule.forRoot([
          { name: THROTTLE_PUBLIC, ttl: 60_000, limit: env.PUBLIC_RATE_LIMIT },
        ]),
        AuditModule,
        AuthModule,
        UsersModule,
        UnitsModule,
        PlanModule,
        LinkedAccountsModule,
        ReportingModule,
        KnowledgeModule,
        DirectoryModule,
        CompaniesModule,
        TipsModule,
        BotFilesModule,
        AssistantModule,
        MessagingModule,
        ConversationsModule,
        ChannelTokensModule,
        StatisticsModule,
        HealthModule,
      ],
      providers: [
        { provide: ENV, useValue: env },
        { provide: DATABASE_MODE, useValue: databaseMode },
        DatabaseAvailability,
        { provide: Clock, useValue: clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        FirstRunService,
      ],
      exports: [ENV, DATABASE_MODE, Clock, DatabaseAvailability],
    };
  }
}
