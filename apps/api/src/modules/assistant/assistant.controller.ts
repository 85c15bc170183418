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
  AlternateProposalResponse,
  AskResponse,
  ExplainResponse,
  HandoffAssigneeResponse,
  HandoffCountsResponse,
  HandoffItemResponse,
  INBOX_WORKERS,
  Page,
  QUESTION_LOG_READERS,
  QuestionLogResponse,
  Role,
  ROLES,
  SimulatorSettingsResponse,
} from '@gcm/domain';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { PublicThrottlerGuard } from '../../common/throttling/scoped-throttler.guard';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { AlternateProposalsService } from './alternate-proposals.service';
import { AssistantService } from './assistant.service';
import { QuestionLogService } from './question-log.service';
import {
  AskDto,
  HandoffListQueryDto,
  ProposalListQueryDto,
  QuestionLogQueryDto,
  toAlternateProposalResponse,
  UpdateHandoffDto,
} from './dto/assistant.dto';

@ApiTags('assistant')
@Controller('assistant')
export class AssistantController {
  constructor(
    private readonly assistant: AssistantService,
    private readonly questionLog: QuestionLogService,
    private readonly proposals: AlternateProposalsService,
    @InjectEnv() private readonly env: Env,
  ) {}

  /** Where the console's bot simulator finds the bot's web chat (WEB_CHAT_URL), if anywhere. */
  @Get('simulator')
  @Roles(...INBOX_WORKERS)
  simulator(): SimulatorSettingsResponse {
    return { webChatUrl: this.env.WEB_CHAT_URL ?? null };
  }

  /** Public: a citizen's question. Rate-limited per client; the text is capped. */
  @Post('ask')
  @Public()
  @UseGuards(PublicThrottlerGuard)
  @HttpCode(200)
  ask(@Body() body: AskDto): Promise<AskResponse> {
    return this.assistant.ask({ text: body.text, locale: body.locale, channel: 'api' });
  }

  /** Staff trying a question: what the bot would do and the closest FAQs; nothing is logged. */
  @Post('explain')
  @Roles(...ROLES)
  @HttpCode(200)
  explain(@Body() body: AskDto): Promise<ExplainResponse> {
    return this.assistant.explain(body.text, body.locale);
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
      items: await this.assistant.describeHandoffs(items),
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
    const item = await this.assistant.updateHandoff(actor, id, body);
    const [described] = await this.assistant.describeHandoffs([item]);
    return described!;
  }

  /** How many items wait for staff, and how many of them are urgent (the console's badge). */
  @Get('handoffs/counts')
  @Roles(...INBOX_WORKERS)
  handoffCounts(): Promise<HandoffCountsResponse> {
    return this.assistant.handoffCounts();
  }

  /** Who an inbox item may be assigned to: active staff whose role works the inbox. */
  @Get('handoffs/assignees')
  @Roles(...INBOX_WORKERS)
  handoffAssignees(): Promise<HandoffAssigneeResponse[]> {
    return this.assistant.assignees();
  }

  /** Questions people matched to a FAQ by picking it among the choices: proposed alternates. */
  @Get('proposals')
  @Roles(Role.Admin, Role.Editor)
  async listProposals(
    @Query() query: ProposalListQueryDto,
  ): Promise<Page<AlternateProposalResponse>> {
    const [items, total] = await this.proposals.list(query);
    return {
      items: items.map(toAlternateProposalResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Accepts a proposal: its text becomes one of the FAQ's alternates, matched at once. */
  @Post('proposals/:id/accept')
  @Roles(Role.Admin, Role.Editor)
  @HttpCode(200)
  async acceptProposal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AlternateProposalResponse> {
    const saved = await this.proposals.decide(actor, id, true);
    return toAlternateProposalResponse({ ...saved, faqQuestion: '' });
  }

  @Post('proposals/:id/reject')
  @Roles(Role.Admin, Role.Editor)
  @HttpCode(200)
  async rejectProposal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AlternateProposalResponse> {
    const saved = await this.proposals.decide(actor, id, false);
    return toAlternateProposalResponse({ ...saved, faqQuestion: '' });
  }
}
