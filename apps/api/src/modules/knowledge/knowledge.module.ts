import { Module } from '@nestjs/common';
import { ArticlesController, PublicArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { DictionaryService } from './dictionary.service';
import { FaqTransferService } from './faq-transfer.service';
import { FaqsService } from './faqs.service';
import { KnowledgeController } from './knowledge.controller';
import { TopicsService } from './topics.service';

@Module({
  controllers: [KnowledgeController, ArticlesController, PublicArticlesController],
  providers: [TopicsService, FaqsService, FaqTransferService, DictionaryService, ArticlesService],
  exports: [FaqsService, FaqTransferService, DictionaryService, TopicsService],
})
export class KnowledgeModule {}
