import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/messaging.module';
import { TipPhotosService } from './tip-photos.service';
import { TipsController } from './tips.controller';
import { TipsRetentionJob, TipsRetentionService } from './tips-retention';
import { TipsService } from './tips.service';

@Module({
  imports: [MessagingModule],
  controllers: [TipsController],
  providers: [TipsService, TipPhotosService, TipsRetentionService, TipsRetentionJob],
  exports: [TipsService, TipPhotosService, TipsRetentionService],
})
export class TipsModule {}
