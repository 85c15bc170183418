import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AskResponse,
  HandoffItemResponse,
  INBOX_WORKERS,
  Page,
  QUESTION_LOG_READERS,
  QuestionLogResponse,
} from '@gcm/domain';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { PublicThrottlerGuard } from '../../common/throttling/scoped-throttler.guard';
import { AssistantService } from './assistant.service';
import { QuestionLogService } from './question-log.service';
import {
  AskDto,
  HandoffListQueryDto,
  QuestionLogQueryDto,
  toHandoffItemResponse,
  UpdateHandoffDto,
} from './dto/assistant.dto';

@ApiTags('assistant')
@Controller('assistant')
export class AssistantController {
  constructor(
    private readonly assistant: AssistantService,
    private readonly questionLog: QuestionLogService,
  ) {}

  /** Public: a citizen's question. Rate-limited per client; the text is capped. */
  @Post('ask')
  @Public()
  @UseGuards(PublicThrottlerGuard)
  @HttpCode(200)
  ask(@Body() body: AskDto): Promise<AskResponse> {
    return this.assistant.ask({ text: body.text, locale: body.locale, channel: 'api' });
  }

  @Get('questions')
  @Roles(...QUESTION_LOG_READERS)
  questions(@Query() query: QuestionLogQueryDto): Promise<Page<QuestionLogResponse>> {
    return this.questionLog.list(query);
  }

  @Get('handoffs')
  @Roles(...INBOX_WORKERS)
  async handoffs(@Query() query: HandoffListQueryDto): Promise<Page<HandoffItemResponse>> {
    const [items, total] = await this.assistant.handoffs(query);
    return {
      items: items.map(toHandoffItemResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Patch('handoffs/:id')
  @Roles(...INBOX_WORKERS)
  async updateHandoff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateHandoffDto,
  ): Promise<HandoffItemResponse> {
    return toHandoffItemResponse(await this.assistant.setHandoffStatus(actor, id, body.status));
  }
}
