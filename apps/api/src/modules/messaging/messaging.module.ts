import { Module } from '@nestjs/common';
import { BroadcastsService } from './broadcasts.service';
import { BroadcastsController, OutboxController } from './messaging.controller';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [OutboxController, BroadcastsController],
  providers: [OutboxService, BroadcastsService],
  exports: [OutboxService],
})
export class MessagingModule {}
