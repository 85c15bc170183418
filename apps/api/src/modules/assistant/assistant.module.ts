import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { AlternateProposalsService } from './alternate-proposals.service';
import { AssistantController } from './assistant.controller';
import { AssistantService } from './assistant.service';
import { FaqIndexService } from './faq-index.service';
import { QuestionLogService } from './question-log.service';

@Module({
  imports: [KnowledgeModule],
  controllers: [AssistantController],
  providers: [AssistantService, FaqIndexService, QuestionLogService, AlternateProposalsService],
  exports: [AssistantService, FaqIndexService],
})
export class AssistantModule {}
