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
import { BROADCAST_SENDERS, OutboxItem, Page, Role } from '@gcm/domain';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { BroadcastsService } from './broadcasts.service';
import {
  BroadcastAudienceQueryDto,
  BroadcastAudienceResponse,
  BroadcastResponse,
  CreateBroadcastDto,
  OutboxClaimDto,
  OutboxResultDto,
} from './dto/messaging.dto';
import { OutboxService } from './outbox.service';

/** The bot instances' side of the outbox (service token). */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('bot/outbox')
@Public()
@UseGuards(BotTokenGuard)
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Post('claim')
  @HttpCode(200)
  async claim(@Body() body: OutboxClaimDto): Promise<{ items: OutboxItem[] }> {
    return { items: await this.outbox.claim(body) };
  }

  @Post(':id/result')
  @HttpCode(204)
  report(@Param('id', ParseUUIDPipe) id: string, @Body() body: OutboxResultDto): Promise<void> {
    return this.outbox.report(id, body);
  }
}

@ApiTags('messaging')
@Controller('broadcasts')
export class BroadcastsController {
  constructor(private readonly broadcasts: BroadcastsService) {}

  @Post()
  @Roles(Role.Admin, Role.Editor, Role.Coordinator)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateBroadcastDto,
  ): Promise<BroadcastResponse> {
    return this.broadcasts.create(actor, body);
  }

  /** Broadcasts, newest first, with their delivery counts (paginated like other lists). */
  @Get()
  @Roles(Role.Admin, Role.Editor, Role.Coordinator, Role.Viewer)
  list(@Query() query: PaginationQueryDto): Promise<Page<BroadcastResponse>> {
    return this.broadcasts.list(query);
  }

  /** How many subscribers a broadcast to this topic and area would reach, per channel. */
  @Get('audience')
  @Roles(...BROADCAST_SENDERS)
  audience(@Query() query: BroadcastAudienceQueryDto): Promise<BroadcastAudienceResponse> {
    return this.broadcasts.audience(query);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Editor, Role.Coordinator, Role.Viewer)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BroadcastResponse> {
    return this.broadcasts.get(id);
  }
}
