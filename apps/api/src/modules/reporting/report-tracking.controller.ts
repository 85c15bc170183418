import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  REPORT_REMINDER_SENDERS,
  REPORT_TRACKING_READERS,
  ReportTotalsResponse,
  SendPeriodReminderResponse,
  TrackingMatrixResponse,
} from '@gcm/domain';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { ErrorBodyDto } from '../../common/dto/openapi.dto';
import {
  ReportDocxQueryDto,
  ReportTotalsQueryDto,
  ReportTotalsResponseDto,
  SendPeriodReminderResponseDto,
  TrackingMatrixResponseDto,
  TrackingQueryDto,
} from './dto/reporting-console.dto';
import { httpActor } from './report-actor';
import { DOCX_MIME, ReportExportsService, XLSX_MIME } from './report-exports.service';
import { ReportTrackingService } from './report-tracking.service';

/**
 * The coordinating office's view of one period of a template (issue 13). Read by admins,
 * coordinators and viewers; a unit reporter is refused (403): the matrix and the totals show
 * every unit's reports, and a unit sees its own in its submissions list.
 */
@ApiTags('reporting')
@ApiForbiddenResponse({
  type: ErrorBodyDto,
  description: 'Role not allowed (unit reporters read their own reports only)',
})
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'report_template_not_found' })
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'periodKey is not a period of it' })
@Controller('reporting/templates/:id/periods/:periodKey')
export class ReportTrackingController {
  constructor(
    private readonly tracking: ReportTrackingService,
    private readonly exports: ReportExportsService,
  ) {}

  /** Every unit owing the period × its status, grouped by parent unit and kind, with counts. */
  @Get('tracking')
  @Roles(...REPORT_TRACKING_READERS)
  @ApiOkResponse({ type: TrackingMatrixResponseDto })
  matrix(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
    @Query() query: TrackingQueryDto,
  ): Promise<TrackingMatrixResponse> {
    return this.tracking.matrix(id, periodKey, query);
  }

  /** Reminds the units that have not submitted (outbox to their linked members), once a day. */
  @Post('remind')
  @HttpCode(200)
  @Roles(...REPORT_REMINDER_SENDERS)
  @ApiOkResponse({ type: SendPeriodReminderResponseDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description:
      'report_reminder_sent_today (details.sentAt: when), report_period_locked, report_action_not_allowed (period not begun)',
  })
  remind(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
  ): Promise<SendPeriodReminderResponse> {
    return this.tracking.remind(httpActor(actor, 'console'), id, periodKey);
  }

  /** Sums up the hierarchy, text answers, completeness per kind and over periods. */
  @Get('totals')
  @Roles(...REPORT_TRACKING_READERS)
  @ApiOkResponse({ type: ReportTotalsResponseDto })
  totals(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
    @Query() query: ReportTotalsQueryDto,
  ): Promise<ReportTotalsResponse> {
    return this.tracking.totals(id, periodKey, query);
  }

  /** A sheet of totals, then a sheet per unit (streamed). */
  @Get('export.xlsx')
  @Roles(...REPORT_TRACKING_READERS)
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'The XLSX workbook', schema: { type: 'string', format: 'binary' } })
  async xlsx(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
    @Res() res: Response,
  ): Promise<void> {
    const { totals, file } = await this.exports.prepare(id, periodKey, 'xlsx');
    send(res, file.filename, file.contentType);
    await this.exports.writeXlsx(totals, res);
  }

  /** The report in the format of Decree 30/2020/ND-CP, ready to edit and sign (streamed). */
  @Get('export.docx')
  @Roles(...REPORT_TRACKING_READERS)
  @ApiProduces(DOCX_MIME)
  @ApiOkResponse({ description: 'The DOCX report', schema: { type: 'string', format: 'binary' } })
  async docx(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodKey') periodKey: string,
    @Query() query: ReportDocxQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { totals, file } = await this.exports.prepare(id, periodKey, 'docx');
    send(res, file.filename, file.contentType);
    await pipeline(this.exports.docxStream(totals, query), res);
  }
}

function send(res: Response, filename: string, contentType: string): void {
  res
    .status(200)
    .attachment(filename)
    .type(contentType)
    .setHeader('Cache-Control', 'private, no-store');
}
