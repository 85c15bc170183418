import { Module } from '@nestjs/common';
import { AssistantModule } from '../assistant/assistant.module';
import { CompaniesModule } from '../companies/companies.module';
import { MessagingModule } from '../messaging/messaging.module';
import { LinkedAccountsModule } from '../linked-accounts/linked-accounts.module';
import { PlanModule } from '../plan/plan.module';
import { ReportingModule } from '../reporting/reporting.module';
import { TipsModule } from '../tips/tips.module';
import { BotUpdatesRetention } from './bot-updates-retention';
import { BotController, HandoffRepliesController } from './conversations.controller';
import { UrgentNoticesService } from './urgent-notices.service';
import { ConversationsService } from './conversations.service';
import { HandoffRepliesService } from './handoff-replies.service';
import { ReportingDrafts, ReportingUnitAccounts } from './reporting-adapters';
import { REPORT_DRAFTS, UNIT_ACCOUNTS } from './unit-ports';

@Module({
  imports: [
    AssistantModule,
    CompaniesModule,
    MessagingModule,
    PlanModule,
    ReportingModule,
    LinkedAccountsModule,
    TipsModule,
  ],
  controllers: [BotController, HandoffRepliesController],
  providers: [
    ConversationsService,
    HandoffRepliesService,
    UrgentNoticesService,
    BotUpdatesRetention,
    { provide: UNIT_ACCOUNTS, useClass: ReportingUnitAccounts },
    { provide: REPORT_DRAFTS, useClass: ReportingDrafts },
  ],
})
export class ConversationsModule {}
