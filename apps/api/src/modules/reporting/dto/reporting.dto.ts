import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateReportTemplateRequest,
  FIELD_TYPES,
  FieldPrompt,
  FieldPromptOption,
  FieldType,
  MAX_RETURN_COMMENT_LENGTH,
  OpenSubmissionRequest,
  ReminderSchedule,
  REPORT_CHANNELS,
  ReportChannel,
  ReportPeriodCounts,
  ReportPeriodListQuery,
  ReportPeriodResponse,
  ReportSchedule,
  ReportSubmissionListQuery,
  ReportSubmissionResponse,
  ReportSubmissionSummaryResponse,
  ReportTemplateDefinition,
  ReportTemplateInput,
  ReportTemplatePreviewResponse,
  ReportTemplateResponse,
  ReportTemplateSummaryResponse,
  ReportTemplateVersionRef,
  ReportTemplateVersionResponse,
  ReportValues,
  ReturnSubmissionRequest,
  SaveSubmissionValuesRequest,
  SUBMISSION_STATUSES,
  SubmissionActionType,
  SubmissionHistoryEntry,
  SubmissionStatus,
  SubmissionTimeliness,
  SubmitReportRequest,
  UNIT_KINDS,
  UnitKind,
  UpdateReportTemplateRequest,
} from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional } from '../../../common/validation/optional';
import { CleanText, QueryBoolean } from '../../../common/validation/transforms';

/** `2026`, `2026-H1`, `2026-Q3`, `2026-07`, `once`. */
const PERIOD_KEY = /^(\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?|once)$/;
const PERIOD_KEY_MESSAGE = (name: string) =>
  `${name} must be a period key such as 2026, 2026-H1, 2026-Q3, 2026-07 or once`;

const DEFINITION_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'A ReportTemplateDefinition without `version` (see @gcm/domain): code, title, description, owedBy, schedule, sections of fields, rules. Checked by validateTemplate; problems come back as details under `definition.<path>`.',
} as const;

const VALUES_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'Answers by field key: count/decimal a number, text a string, single choice the choice value, multiple choice a list of values, date yyyy-mm-dd, yes/no a boolean; null clears an optional answer.',
  example: { awareness_sessions: 12, awareness_participants: 480 },
} as const;

const CHANNEL_PROPERTY = {
  enum: REPORT_CHANNELS,
  default: 'api',
  description: 'Where the change comes from (kept in the history)',
} as const;

// Requests.

export class CreateReportTemplateDto implements CreateReportTemplateRequest {
  @ApiProperty(DEFINITION_SCHEMA)
  @IsObject({ message: 'definition must be a template definition (an object)' })
  definition: ReportTemplateInput;

  @ApiPropertyOptional({ example: '2026-H1', description: 'Default: the period open now' })
  @Optional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('effectiveFrom') })
  effectiveFrom?: string;
}

export class UpdateReportTemplateDto implements UpdateReportTemplateRequest {
  @ApiProperty(DEFINITION_SCHEMA)
  @IsObject({ message: 'definition must be a template definition (an object)' })
  definition: ReportTemplateInput;
}

export class PreviewTemplateQueryDto {
  @ApiPropertyOptional({ description: 'Default: the latest version' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}

export class ReportPeriodListQueryDto implements ReportPeriodListQuery {
  @ApiPropertyOptional({ example: '2025-H1' })
  @Optional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ example: '2026-H2' })
  @Optional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('to') })
  to?: string;
}

export class ReportSubmissionListQueryDto
  extends PaginationQueryDto
  implements ReportSubmissionListQuery
{
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'templateId must be a template id (UUID)' })
  templateId?: string;

  @ApiPropertyOptional({
    example: '2026-H1',
    description: 'With templateId: every unit owing the period, not_started ones with id null',
  })
  @Optional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('periodKey') })
  periodKey?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @Optional()
  @IsIn(SUBMISSION_STATUSES, {
    message: `status must be one of: ${SUBMISSION_STATUSES.join(', ')}`,
  })
  status?: SubmissionStatus;

  @ApiPropertyOptional({ description: 'Submitted late, or overdue and not submitted' })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'late must be true or false' })
  late?: boolean;
}

export class OpenSubmissionDto implements OpenSubmissionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'templateId must be a template id (UUID)' })
  templateId: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Default: the unit reporter's unit" })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-H1', description: 'Default: the period open now' })
  @Optional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('periodKey') })
  periodKey?: string;

  @ApiPropertyOptional(CHANNEL_PROPERTY)
  @Optional()
  @IsIn(REPORT_CHANNELS, { message: `channel must be one of: ${REPORT_CHANNELS.join(', ')}` })
  channel?: ReportChannel;
}

export class SaveSubmissionValuesDto implements SaveSubmissionValuesRequest {
  @ApiProperty({ description: "The draft's version the values were entered against" })
  @Type(() => Number)
  @IsInt({ message: 'version must be the draft version (a whole number)' })
  @Min(0)
  version: number;

  @ApiProperty(VALUES_SCHEMA)
  @IsObject({ message: 'values must be an object of answers by field key' })
  values: Record<string, unknown>;

  @ApiPropertyOptional(CHANNEL_PROPERTY)
  @Optional()
  @IsIn(REPORT_CHANNELS, { message: `channel must be one of: ${REPORT_CHANNELS.join(', ')}` })
  channel?: ReportChannel;
}

export class SubmitReportDto implements SubmitReportRequest {
  @ApiPropertyOptional({ description: 'Required with values' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'version must be the draft version (a whole number)' })
  @Min(0)
  version?: number;

  @ApiPropertyOptional(VALUES_SCHEMA)
  @Optional()
  @IsObject({ message: 'values must be an object of answers by field key' })
  values?: Record<string, unknown>;

  @ApiPropertyOptional(CHANNEL_PROPERTY)
  @Optional()
  @IsIn(REPORT_CHANNELS, { message: `channel must be one of: ${REPORT_CHANNELS.join(', ')}` })
  channel?: ReportChannel;
}

export class ReturnSubmissionDto implements ReturnSubmissionRequest {
  @ApiProperty({ example: 'Số lượt người tham dự chưa khớp với biên bản; vui lòng kiểm tra.' })
  @CleanText()
  @IsString({ message: 'comment is required: say what the unit should correct' })
  @MaxLength(MAX_RETURN_COMMENT_LENGTH)
  comment: string;
}

export class ReminderScheduleDto {
  @ApiProperty({ type: [Number], example: [-7, -3, -1, 1] })
  offsetsDays: number[];

  @ApiProperty({ example: { start: '08:00', end: '17:00' } })
  window: { start: string; end: string };

  @ApiProperty({ example: 0 })
  catchUpDays: number;
}

export class SetReminderScheduleDto implements ReminderSchedule {
  @ApiProperty({ type: [Number], example: [-7, -3, -1, 1], description: 'Days from the due day' })
  @IsArray({ message: 'offsetsDays must be a list of whole numbers of days' })
  offsetsDays: number[];

  @ApiProperty({ example: { start: '08:00', end: '17:00' }, description: 'Vietnam time' })
  @IsObject({ message: 'window must be { start, end } in HH:MM' })
  window: { start: string; end: string };

  @ApiProperty({ example: 0 })
  @IsInt({ message: 'catchUpDays must be a whole number of days' })
  catchUpDays: number;
}

// Responses (for the OpenAPI document).

const SCHEDULE_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  example: {
    kind: 'half_yearly',
    due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
  },
} as const;

export class ReportTemplateVersionRefDto implements ReportTemplateVersionRef {
  @ApiProperty() version: number;
  @ApiProperty({ example: '2026-H2' }) effectiveFrom: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReportTemplateSummaryResponseDto implements ReportTemplateSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'police_migration_statistics' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: UNIT_KINDS, isArray: true }) owedBy: UnitKind[];
  @ApiProperty(SCHEDULE_SCHEMA) schedule: ReportSchedule;
  @ApiProperty() latestVersion: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReportTemplateResponseDto
  extends ReportTemplateSummaryResponseDto
  implements ReportTemplateResponse
{
  @ApiProperty({ ...DEFINITION_SCHEMA, description: 'The latest version' })
  definition: ReportTemplateDefinition;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({ type: [ReportTemplateVersionRefDto] }) versions: ReportTemplateVersionRefDto[];
}

export class ReportTemplateVersionResponseDto
  extends ReportTemplateVersionRefDto
  implements ReportTemplateVersionResponse
{
  @ApiProperty({ format: 'uuid' }) templateId: string;
  @ApiProperty(DEFINITION_SCHEMA) definition: ReportTemplateDefinition;
}

class FieldPromptOptionDto implements FieldPromptOption {
  @ApiProperty() number: number;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }] }) value: string | boolean;
  @ApiProperty() label: string;
}

class FieldPromptDto implements FieldPrompt {
  @ApiProperty() key: string;
  @ApiProperty({ enum: FIELD_TYPES }) type: FieldType;
  @ApiProperty() required: boolean;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) help: string | null;
  @ApiProperty({ description: 'fieldHintVi: what to type' }) hint: string;
  @ApiProperty({ description: 'The whole message the bot sends' }) text: string;
  @ApiProperty({ type: [FieldPromptOptionDto] }) options: FieldPromptOptionDto[];
}

class PreviewSectionDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [FieldPromptDto] }) prompts: FieldPromptDto[];
}

class PreviewRuleDto {
  @ApiProperty() key: string;
  @ApiProperty({ example: 'victims_supported <= victims_identified' }) expression: string;
  @ApiProperty() message: string;
}

export class ReportTemplatePreviewResponseDto implements ReportTemplatePreviewResponse {
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty({ type: [PreviewSectionDto] }) sections: PreviewSectionDto[];
  @ApiProperty({ type: [PreviewRuleDto] }) rules: PreviewRuleDto[];
}

class ReportPeriodCountsDto implements ReportPeriodCounts {
  @ApiProperty() owed: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() draft: number;
  @ApiProperty() submitted: number;
  @ApiProperty() returned: number;
  @ApiProperty() accepted: number;
  @ApiProperty() late: number;
}

export class ReportPeriodResponseDto implements ReportPeriodResponse {
  @ApiProperty({ example: '2026-H1' }) key: string;
  @ApiProperty({ example: '6 tháng đầu năm 2026' }) label: string;
  @ApiProperty({ format: 'date' }) firstDay: string;
  @ApiProperty({ format: 'date' }) lastDay: string;
  @ApiProperty({ format: 'date', example: '2026-07-05' }) dueDate: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() version: number;
  @ApiProperty() current: boolean;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedAt: string | null;
  @ApiProperty({ type: ReportPeriodCountsDto }) counts: ReportPeriodCountsDto;
}

class SubmissionUnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
}

class SubmissionTemplateRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

export class ReportSubmissionSummaryResponseDto implements ReportSubmissionSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: not started' })
  id: string | null;
  @ApiProperty({ type: SubmissionTemplateRefDto }) template: SubmissionTemplateRefDto;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ type: SubmissionUnitRefDto }) unit: SubmissionUnitRefDto;
  @ApiProperty() periodKey: string;
  @ApiProperty() periodLabel: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty() locked: boolean;
  @ApiProperty({ enum: ['on_time', 'late', 'overdue', 'not_due'] })
  timeliness: SubmissionTimeliness;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstSubmittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ description: 'The draft version to send with the next save' }) version: number;
  @ApiProperty() answeredCount: number;
  @ApiProperty() fieldCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

class SubmissionActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

class SubmissionHistoryEntryDto implements SubmissionHistoryEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['open', 'save_draft', 'submit', 'correct', 'accept', 'return', 'lock', 'unlock'],
  })
  action: SubmissionHistoryEntry['action'];
  @ApiProperty({ type: SubmissionActorDto, nullable: true }) actor: SubmissionActorDto | null;
  @ApiProperty({ enum: REPORT_CHANNELS }) channel: ReportChannel;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { awareness_sessions: { before: 10, after: 12 } },
  })
  changes: SubmissionHistoryEntry['changes'];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) statusAfter: SubmissionStatus;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ReportSubmissionResponseDto
  extends ReportSubmissionSummaryResponseDto
  implements ReportSubmissionResponse
{
  @ApiProperty({ format: 'uuid' }) declare id: string;
  @ApiProperty(VALUES_SCHEMA) values: ReportValues;
  @ApiProperty({ type: String, nullable: true, description: 'Show first when returned' })
  returnComment: string | null;
  @ApiProperty({
    enum: ['save_draft', 'submit', 'correct', 'accept', 'return', 'lock'],
    isArray: true,
  })
  allowedActions: SubmissionActionType[];
  @ApiProperty({ type: [String] }) missingRequired: string[];
  @ApiProperty(DEFINITION_SCHEMA) definition: ReportTemplateDefinition;
  @ApiProperty({ type: [SubmissionHistoryEntryDto] }) history: SubmissionHistoryEntryDto[];
}

export class ReminderScheduleResponseDto extends ReminderScheduleDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}
