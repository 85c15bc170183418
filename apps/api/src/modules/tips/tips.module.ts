import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/messaging.module';
import { TipsController } from './tips.controller';
import { TipsRetentionJob, TipsRetentionService } from './tips-retention';
import { TipsService } from './tips.service';

@Module({
  imports: [MessagingModule],
  controllers: [TipsController],
  providers: [TipsService, TipsRetentionService, TipsRetentionJob],
  exports: [TipsService, TipsRetentionService],
})
export class TipsModule {}
