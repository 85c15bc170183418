import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BotEvent, BotEventResult, CHANNELS, ConversationMessage, Role } from '@gcm/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { ConversationsService } from './conversations.service';
import { BotEventDto, StaffReplyDto } from './dto/bot-event.dto';
import { HandoffRepliesService } from './handoff-replies.service';

class MessagesParams {
  @IsIn(CHANNELS)
  channel: string;

  @IsString()
  @MaxLength(128)
  chatId: string;
}

class MessagesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after: number = 0;
}

/** The bot gateway's side of conversations (service token). */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('bot')
@Public()
@UseGuards(BotTokenGuard)
export class BotController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post('events')
  @HttpCode(200)
  handle(@Body() body: BotEventDto): Promise<BotEventResult> {
    return this.conversations.handle(body as BotEvent);
  }

  @Get('conversations/:channel/:chatId/messages')
  async messages(
    @Param() params: MessagesParams,
    @Query() query: MessagesQuery,
  ): Promise<{ items: ConversationMessage[] }> {
    return { items: await this.conversations.messages(params.channel, params.chatId, query.after) };
  }
}

/** Staff replies to the inbox. */
@ApiTags('assistant')
@Controller('assistant/handoffs')
export class HandoffRepliesController {
  constructor(private readonly replies: HandoffRepliesService) {}

  @Post(':id/replies')
  @Roles(Role.Admin, Role.Coordinator, Role.Editor)
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffReplyDto,
  ): Promise<ConversationMessage> {
    return this.replies.reply(actor, id, body.text);
  }

  @Get(':id/messages')
  @Roles(Role.Admin, Role.Coordinator, Role.Editor)
  async messages(
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ items: ConversationMessage[] }> {
    return { items: await this.replies.transcript(id) };
  }
}
