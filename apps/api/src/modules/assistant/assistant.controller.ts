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
import { AskResponse, HandoffItemResponse, Page, QuestionLogResponse, Role } from '@gcm/domain';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { PublicThrottlerGuard } from '../../common/throttling/scoped-throttler.guard';
import { AssistantService } from './assistant.service';
import {
  AskDto,
  HandoffListQueryDto,
  QuestionLogQueryDto,
  toHandoffItemResponse,
  toQuestionLogResponse,
  UpdateHandoffDto,
} from './dto/assistant.dto';

const INBOX = [Role.Admin, Role.Coordinator, Role.Editor];

@ApiTags('assistant')
@Controller('assistant')
export class AssistantController {
  constructor(private readonly assistant: AssistantService) {}

  /** Public: a citizen's question. Rate-limited per client; the text is capped. */
  @Post('ask')
  @Public()
  @UseGuards(PublicThrottlerGuard)
  @HttpCode(200)
  ask(@Body() body: AskDto): Promise<AskResponse> {
    return this.assistant.ask({ text: body.text, locale: body.locale, channel: 'api' });
  }

  @Get('questions')
  @Roles(Role.Admin, Role.Editor, Role.Coordinator, Role.Viewer)
  async questions(@Query() query: QuestionLogQueryDto): Promise<Page<QuestionLogResponse>> {
    const [items, total] = await this.assistant.questions(query);
    return {
      items: items.map(toQuestionLogResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get('handoffs')
  @Roles(...INBOX)
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
  @Roles(...INBOX)
  async updateHandoff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateHandoffDto,
  ): Promise<HandoffItemResponse> {
    return toHandoffItemResponse(await this.assistant.setHandoffStatus(actor, id, body.status));
  }
}
