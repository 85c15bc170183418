import {
  ArgumentMetadata,
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
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  BotEvent,
  BotEventBatchResponse,
  BotEventResult,
  CHANNELS,
  ConversationMessage,
  ErrorBody,
  ErrorCode,
  MAX_EVENT_BATCH,
  Role,
} from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { Optional } from '../../common/validation/optional';
import { NoControlChars } from '../../common/validation/transforms';
import { createValidationPipe } from '../../common/validation/validation-pipe';
import { ConversationsService } from './conversations.service';
import { BotEventDto, StaffReplyDto } from './dto/bot-event.dto';
import { HandoffRepliesService } from './handoff-replies.service';
import {
  DeliveredBotUpdatesDto,
  RedeliverBotUpdateDto,
  ReleaseBotUpdateDto,
} from './dto/release-update.dto';

class MessagesParams {
  @IsIn(CHANNELS)
  channel: string;

  @IsString()
  @MaxLength(128)
  @NoControlChars()
  chatId: string;
}

class MessagesQuery {
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after: number = 0;
}

class BotEventBatchDto {
  @ApiProperty({ type: [BotEventDto], description: `1 to ${MAX_EVENT_BATCH} events` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_BATCH)
  @IsObject({ each: true })
  events: unknown[];
}

/** Each event of a batch meets the rules of POST /bot/events, one by one. */
const eventPipe = createValidationPipe();
const EVENT_METADATA: ArgumentMetadata = { type: 'body', metatype: BotEventDto };

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

  /**
   * Events of any chats in one request (what a busy bot gathers in a few milliseconds). Each
   * event is checked on its own: a refused one gets its error in `results`, the rest go on.
   */
  @Post('events/batch')
  @HttpCode(200)
  async handleBatch(@Body() body: BotEventBatchDto): Promise<BotEventBatchResponse> {
    const checked = await Promise.all(body.events.map((event) => this.check(event)));
    const valid = checked.filter((c): c is BotEvent => !('error' in c));
    const handled = valid.length ? await this.conversations.handleBatch(valid) : [];
    let next = 0;
    return { results: checked.map((c) => ('error' in c ? c : handled[next++])) };
  }

  private async check(event: unknown): Promise<BotEvent | { error: ErrorBody }> {
    try {
      return (await eventPipe.transform(event, EVENT_METADATA)) as BotEvent;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { error: { code: error.code, message: error.message, details: error.details } };
    }
  }

  /**
   * The bot could not send an update's replies: the next delivery of that update gets the
   * stored replies at once, rather than none until 20 s after it was first received.
   */
  @Post('updates/release')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Hand an update’s stored replies to its next delivery at once',
    description:
      'The bot calls this when sending the replies of an update it posted failed (rate limit, ' +
      'platform or network trouble) before the platform delivers the update again. A repeat of ' +
      'an update is otherwise answered with no replies for 20 s after it was first received, ' +
      'while the first attempt might still be delivering them.',
  })
  @ApiNoContentResponse({ description: 'Released' })
  @ApiNotFoundResponse({ description: 'No update with this channel and id was recorded' })
  async release(@Body() body: ReleaseBotUpdateDto): Promise<void> {
    if (!(await this.conversations.releaseUpdate(body.channel, body.updateId, body.sentParts))) {
      throw new AppError(ErrorCode.NotFound, 404, 'No such update was recorded.');
    }
  }

  /**
   * The bot answered an update's platform (Zalo sends it never again) and could not send its
   * replies: the outbox takes them, so that a restarted bot or another instance delivers them.
   */
  @Post('updates/redeliver')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Queue an update’s stored replies in the outbox',
    description:
      'The bot calls this when it answered a webhook already (Zalo delivers an update it got 200 ' +
      'for never again) and could not send the replies for a reason that passes (a rate limit, a ' +
      'platform error). The stored replies are queued as an outbox message of kind `reply`, ' +
      'skipping the `sentParts` platform messages that went out, not before `retryAfterSeconds`; ' +
      'any bot instance delivers them, and a later delivery of the update gets nothing to send.',
  })
  @ApiNoContentResponse({ description: 'Queued' })
  @ApiNotFoundResponse({ description: 'No update with this channel and id was recorded' })
  @ApiConflictResponse({ description: 'The replies were delivered or queued already' })
  async redeliver(@Body() body: RedeliverBotUpdateDto): Promise<void> {
    const outcome = await this.conversations.redeliverUpdate(body);
    if (outcome === 'missing') {
      throw new AppError(ErrorCode.NotFound, 404, 'No such update was recorded.');
    }
    if (outcome === 'done') {
      throw new AppError(
        ErrorCode.Conflict,
        409,
        'The replies of this update were delivered or queued already: nothing to queue.',
      );
    }
  }

  /**
   * The bot delivered these updates' replies: a later delivery of one of them (a platform's
   * retry, on any instance) gets nothing to send, rather than the stored replies once 20 s
   * have passed.
   */
  @Post('updates/delivered')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Say that the replies of updates reached the person',
    description:
      'The bot calls this once it has sent the replies of updates it posted. A repeat of such an ' +
      'update is then answered with nothing to send, at any time. A repeat of an update not ' +
      'confirmed so is answered `delivering` (no replies, come again later) for 20 s after it was ' +
      'first received, while the first attempt may still be sending, and with the stored replies ' +
      'after that, since the first attempt died or failed. Updates never recorded are passed over.',
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async delivered(@Body() body: DeliveredBotUpdatesDto): Promise<void> {
    await this.conversations.markDelivered(body.updates);
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
