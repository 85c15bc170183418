import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { AlternateProposalsService } from './alternate-proposals.service';
import { AssistantController } from './assistant.controller';
import { AssistantService } from './assistant.service';
import { FaqIndexService } from './faq-index.service';

@Module({
  imports: [KnowledgeModule],
  controllers: [AssistantController],
  providers: [AssistantService, FaqIndexService, AlternateProposalsService],
  exports: [AssistantService, FaqIndexService],
})
export class AssistantModule {}
