import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Page,
  REPORT_FILLERS,
  REPORT_PERIOD_ADMINS,
  REPORT_REVIEWERS,
  REPORT_TEMPLATE_WRITERS,
  ReminderScheduleResponse,
  ReportPeriodResponse,
  ReportSubmissionResponse,
  ReportSubmissionSummaryResponse,
  ReportTemplatePreviewResponse,
  ReportTemplateResponse,
  ReportTemplateSummaryResponse,
  ReportTemplateVersionResponse,
  ROLES,
} from '@gcm/domain';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { ApiErrors } from '../../common/decorators/openapi.decorators';
import { pageOf } from '../../common/dto/openapi.dto';
import {
  CreateReportTemplateDto,
  OpenSubmissionDto,
  PreviewTemplateQueryDto,
  ReminderScheduleResponseDto,
  ReportPeriodListQueryDto,
  ReportPeriodResponseDto,
  ReportSubmissionListQueryDto,
  ReportSubmissionResponseDto,
  ReportSubmissionSummaryResponseDto,
  ReportTemplatePreviewResponseDto,
  ReportTemplateResponseDto,
  ReportTemplateSummaryResponseDto,
  ReportTemplateVersionResponseDto,
  ReturnSubmissionDto,
  SaveSubmissionValuesDto,
  SetReminderScheduleDto,
  SubmitReportDto,
  UpdateReportTemplateDto,
} from './dto/reporting.dto';
import { httpActor } from './report-actor';
import { ReportPeriodsService } from './report-periods.service';
import { ReportSubmissionsService } from './report-submissions.service';
import { ReportTemplatesService } from './report-templates.service';
import { RemindersService } from './reminders.service';
import { SubmissionQueriesService } from './submission-queries.service';
import { SubmissionReviewService } from './submission-review.service';

@ApiTags('reporting')
@ApiErrors([403, 'Role not allowed'])
@Controller('reporting/templates')
export class ReportTemplatesController {
  constructor(
    private readonly templates: ReportTemplatesService,
    private readonly periods: ReportPeriodsService,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [ReportTemplateSummaryResponseDto] })
  list(): Promise<ReportTemplateSummaryResponse[]> {
    return this.templates.list();
  }

  @Post()
  @Roles(...REPORT_TEMPLATE_WRITERS)
  @ApiCreatedResponse({ type: ReportTemplateResponseDto })
  @ApiErrors([400, 'details under definition.<path>'], [409, 'report_template_code_taken'])
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateReportTemplateDto,
  ): Promise<ReportTemplateResponse> {
    return this.templates.create(actor, body.definition, body.effectiveFrom);
  }

  /** An unsaved definition as the bot would ask it. */
  @Post('preview')
  @HttpCode(200)
  @Roles(...REPORT_TEMPLATE_WRITERS)
  @ApiOkResponse({ type: ReportTemplatePreviewResponseDto })
  @ApiErrors(400)
  previewDraft(@Body() body: UpdateReportTemplateDto): ReportTemplatePreviewResponse {
    return this.templates.previewDraft(body.definition);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ReportTemplateResponseDto })
  @ApiErrors(404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReportTemplateResponse> {
    return this.templates.get(id);
  }

  /** Saves a new version, applying from the next period not yet begun. */
  @Put(':id')
  @Roles(...REPORT_TEMPLATE_WRITERS)
  @ApiOkResponse({ type: ReportTemplateResponseDto })
  @ApiErrors(400, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateReportTemplateDto,
  ): Promise<ReportTemplateResponse> {
    return this.templates.update(actor, id, body.definition);
  }

  @Get(':id/versions/:version')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ReportTemplateVersionResponseDto })
  @ApiErrors(404)
  version(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<ReportTemplateVersionResponse> {
    return this.templates.getVersion(id, version);
  }

  @Get(':id/preview')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ReportTemplatePreviewResponseDto, description: 'As the bot asks it' })
  @ApiErrors(404)
  preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PreviewTemplateQueryDto,
  ): Promise<ReportTemplatePreviewResponse> {
    return this.templates.preview(id, query.version);
  }

  @Get(':id/periods')
  @Roles(...ROLES)
  @ApiOkResponse({ type: [ReportPeriodResponseDto], description: 'Newest first' })
  @ApiErrors(404)
  periodList(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportPeriodListQueryDto,
  ): Promise<ReportPeriodResponse[]> {
    return this.periods.list(id, query);
  }

  /** Freezes every report of the period (204). */
  @Post(':id/periods/:periodKey/lock')
  @HttpCode(204)
  @Roles(...REPORT_PERIOD_ADMINS)
  @ApiNoContentResponse()
  @ApiErrors(400)
  lock(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
  ): Promise<void> {
    return this.periods.lock(httpActor(actor), id, periodKey);
  }

  @Post(':id/periods/:periodKey/unlock')
  @HttpCode(204)
  @Roles(...REPORT_PERIOD_ADMINS)
  @ApiNoContentResponse()
  @ApiErrors(400)
  unlock(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
  ): Promise<void> {
    return this.periods.unlock(httpActor(actor), id, periodKey);
  }
}

@ApiTags('reporting')
@ApiErrors([403, "Role not allowed, or (report_not_your_unit) another unit's report"])
@Controller('reporting/submissions')
export class ReportSubmissionsController {
  constructor(
    private readonly submissions: ReportSubmissionsService,
    private readonly queries: SubmissionQueriesService,
    private readonly review: SubmissionReviewService,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({
    type: pageOf(ReportSubmissionSummaryResponseDto),
    description: "A unit reporter gets its unit's only",
  })
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ReportSubmissionListQueryDto,
  ): Promise<Page<ReportSubmissionSummaryResponse>> {
    return this.queries.list(httpActor(actor), query);
  }

  /** The unit's report for a period: created as a draft the first time (200 either way). */
  @Post()
  @HttpCode(200)
  @Roles(...REPORT_FILLERS)
  @ApiOkResponse({ type: ReportSubmissionResponseDto })
  @ApiErrors(400, [409, 'report_not_owed, report_period_locked'])
  open(
    @CurrentActor() actor: Actor,
    @Body() body: OpenSubmissionDto,
  ): Promise<ReportSubmissionResponse> {
    return this.submissions.open(httpActor(actor, body.channel), body);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ReportSubmissionResponseDto, description: 'With its history' })
  @ApiErrors(404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReportSubmissionResponse> {
    return this.submissions.get(httpActor(actor), id);
  }

  /** Saves answers (a draft) or corrects a submitted report. */
  @Put(':id/values')
  @Roles(...REPORT_FILLERS)
  @ApiOkResponse({ type: ReportSubmissionResponseDto })
  @ApiErrors(
    [400, 'details name values.<field>'],
    [
      409,
      'report_draft_stale (details: ReportDraftConflict with the current values), report_period_locked, report_action_not_allowed',
    ],
  )
  save(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveSubmissionValuesDto,
  ): Promise<ReportSubmissionResponse> {
    return this.submissions.saveValues(httpActor(actor, body.channel), id, body, undefined, {
      history: true,
    });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...REPORT_FILLERS)
  @ApiOkResponse({ type: ReportSubmissionResponseDto })
  @ApiErrors([400, 'Missing answers or broken rules'], 409)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitReportDto,
  ): Promise<ReportSubmissionResponse> {
    return this.submissions.submit(httpActor(actor, body.channel), id, body);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...REPORT_REVIEWERS)
  @ApiOkResponse({ type: ReportSubmissionResponseDto })
  @ApiErrors(409)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReportSubmissionResponse> {
    return this.review.accept(httpActor(actor, 'console'), id);
  }

  /** Returns the report to the unit with a comment; it reopens as a draft. */
  @Post(':id/return')
  @HttpCode(200)
  @Roles(...REPORT_REVIEWERS)
  @ApiOkResponse({ type: ReportSubmissionResponseDto })
  @ApiErrors(400, 409)
  returnForCorrection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReturnSubmissionDto,
  ): Promise<ReportSubmissionResponse> {
    return this.review.returnForCorrection(httpActor(actor, 'console'), id, body.comment);
  }
}

@ApiTags('reporting')
@ApiErrors([403, 'Role not allowed'])
@Controller('reporting/reminder-schedule')
export class ReminderScheduleController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: ReminderScheduleResponseDto })
  get(): Promise<ReminderScheduleResponse> {
    return this.reminders.schedule();
  }

  @Put()
  @Roles(...REPORT_PERIOD_ADMINS)
  @ApiOkResponse({ type: ReminderScheduleResponseDto })
  @ApiErrors(400)
  set(
    @CurrentActor() actor: Actor,
    @Body() body: SetReminderScheduleDto,
  ): Promise<ReminderScheduleResponse> {
    return this.reminders.setSchedule(actor, body);
  }
}
