import { Module } from '@nestjs/common';
import { AssistantModule } from '../assistant/assistant.module';
import { MessagingModule } from '../messaging/messaging.module';
import { PlanModule } from '../plan/plan.module';
import { BotUpdatesRetention } from './bot-updates-retention';
import { BotController, HandoffRepliesController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { HandoffRepliesService } from './handoff-replies.service';

@Module({
  imports: [AssistantModule, MessagingModule, PlanModule],
  controllers: [BotController, HandoffRepliesController],
  providers: [ConversationsService, HandoffRepliesService, BotUpdatesRetention],
})
export class ConversationsModule {}
