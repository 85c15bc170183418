import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChannelTokensResponse } from '@gcm/domain';
import { Public } from '../../common/decorators/access.decorators';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { ChannelTokensService } from './channel-tokens.service';
import {
  ChannelTokensParams,
  SaveChannelTokensDto,
  toChannelTokensResponse,
} from './dto/channel-tokens.dto';

/** The bot instances' shared channel tokens (service token only: the tokens are secrets). */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('bot/channels/:channel/tokens')
@Public()
@UseGuards(BotTokenGuard)
export class ChannelTokensController {
  constructor(private readonly tokens: ChannelTokensService) {}

  /** The stored pair; 404 when none is stored yet. */
  @Get()
  async get(@Param() params: ChannelTokensParams): Promise<ChannelTokensResponse> {
    return toChannelTokensResponse(await this.tokens.get(params.channel));
  }

  /** Stores a renewed pair if the stored one is still at `expectedRevision`; otherwise 409. */
  @Put()
  async save(
    @Param() params: ChannelTokensParams,
    @Body() body: SaveChannelTokensDto,
  ): Promise<ChannelTokensResponse> {
    return toChannelTokensResponse(await this.tokens.save(params.channel, body));
  }
}
