import { Module } from '@nestjs/common';
import { ChannelTokensController } from './channel-tokens.controller';
import { ChannelTokensService } from './channel-tokens.service';

@Module({
  controllers: [ChannelTokensController],
  providers: [ChannelTokensService],
})
export class ChannelTokensModule {}
