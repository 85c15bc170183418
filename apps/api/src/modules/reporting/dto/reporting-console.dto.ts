import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CompletenessPoint,
  CompletenessRow,
  FIELD_TYPES,
  FieldType,
  ReportDocxQuery,
  ReportPeriodRef,
  ReportTotalsQuery,
  ReportTotalsResponse,
  SendPeriodReminderResponse,
  TotalsField,
  TotalsNode,
  TotalsText,
  TRACKING_STATUSES,
  TrackingCell,
  TrackingCounts,
  TrackingGroup,
  TrackingMatrixResponse,
  TrackingQuery,
  TrackingStatus,
  TrackingUnitRef,
  UNIT_KINDS,
  UnitKind,
} from '@gcm/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from '../../../common/dto/pagination.dto';
import { Optional } from '../../../common/validation/optional';
import { MAX_TRACKING_PAGE_SIZE } from '../report-tracking.service';

export class TrackingQueryDto implements TrackingQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @Optional()
  @IsIn(UNIT_KINDS, { message: `kind must be one of: ${UNIT_KINDS.join(', ')}` })
  kind?: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Units under this one, at any depth' })
  @Optional()
  @IsUUID('all', { message: 'parentId must be a unit id (UUID)' })
  parentId?: string;

  @ApiPropertyOptional({ enum: TRACKING_STATUSES })
  @Optional()
  @IsIn(TRACKING_STATUSES, {
    message: `status must be one of: ${TRACKING_STATUSES.join(', ')}`,
  })
  status?: TrackingStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: MAX_TRACKING_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: `pageSize must be a whole number from 1 to ${MAX_TRACKING_PAGE_SIZE}` })
  @Min(1, { message: `pageSize must be a whole number from 1 to ${MAX_TRACKING_PAGE_SIZE}` })
  @Max(MAX_TRACKING_PAGE_SIZE, {
    message: `pageSize must be a whole number from 1 to ${MAX_TRACKING_PAGE_SIZE}`,
  })
  pageSize?: number;
}

export class ReportTotalsQueryDto implements ReportTotalsQuery {
  @ApiPropertyOptional({
    enum: ['all', 'top'],
    default: 'all',
    description: 'all: every unit with figures; top: the top units and the level below them',
  })
  @Optional()
  @IsIn(['all', 'top'], { message: 'scope must be all or top' })
  scope?: 'all' | 'top';

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the units directly under this one' })
  @Optional()
  @IsUUID('all', { message: 'parentId must be a unit id (UUID)' })
  parentId?: string;
}

export class ReportDocxQueryDto implements ReportDocxQuery {
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân thành phố Sông Cầu' })
  @Optional()
  @IsString()
  @MaxLength(200)
  issuer?: string;

  @ApiPropertyOptional({ example: 'Ủy ban nhân dân tỉnh Phú Yên' })
  @Optional()
  @IsString()
  @MaxLength(200)
  parentIssuer?: string;

  @ApiPropertyOptional({ example: 'BC-UBND' })
  @Optional()
  @IsString()
  @MaxLength(40)
  symbol?: string;

  @ApiPropertyOptional({ example: 'Sông Cầu' })
  @Optional()
  @IsString()
  @MaxLength(80)
  place?: string;

  @ApiPropertyOptional({ example: 'TM. Ủy ban nhân dân / Chủ tịch' })
  @Optional()
  @IsString()
  @MaxLength(120)
  signerTitle?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @Optional()
  @IsString()
  @MaxLength(120)
  signerName?: string;
}

class TrackingUnitRefDto implements TrackingUnitRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
}

class TemplateRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

class ReportPeriodRefDto implements ReportPeriodRef {
  @ApiProperty({ example: '2026-H1' }) key: string;
  @ApiProperty({ example: '6 tháng đầu năm 2026' }) label: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() locked: boolean;
  @ApiProperty({ description: 'The template version that applies' }) version: number;
}

class TrackingCountsDto implements TrackingCounts {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Past due and not submitted' }) overdue: number;
  @ApiProperty() not_started: number;
  @ApiProperty() draft: number;
  @ApiProperty() submitted_on_time: number;
  @ApiProperty() submitted_late: number;
  @ApiProperty() returned: number;
  @ApiProperty() accepted: number;
}

class TrackingGroupDto implements TrackingGroup {
  @ApiProperty({ type: TrackingUnitRefDto, nullable: true }) parent: TrackingUnitRefDto | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: TrackingCountsDto }) counts: TrackingCountsDto;
}

class TrackingCellDto implements TrackingCell {
  @ApiProperty({ type: TrackingUnitRefDto }) unit: TrackingUnitRefDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ enum: TRACKING_STATUSES }) status: TrackingStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submissionId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstSubmittedAt: string | null;
  @ApiProperty() answeredCount: number;
}

export class TrackingMatrixResponseDto implements TrackingMatrixResponse {
  @ApiProperty({ type: TemplateRefDto }) template: TemplateRefDto;
  @ApiProperty({ type: ReportPeriodRefDto }) period: ReportPeriodRefDto;
  @ApiProperty({ type: TrackingCountsDto, description: 'Not narrowed by the status filter' })
  counts: TrackingCountsDto;
  @ApiProperty({ type: [TrackingGroupDto] }) groups: TrackingGroupDto[];
  @ApiProperty({ type: [TrackingCellDto] }) rows: TrackingCellDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastReminderAt: string | null;
}

export class SendPeriodReminderResponseDto implements SendPeriodReminderResponse {
  @ApiProperty() units: number;
  @ApiProperty() messages: number;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

class TotalsFieldDto implements TotalsField {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: FIELD_TYPES }) type: FieldType;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
}

class TotalsNodeDto implements TotalsNode {
  @ApiProperty({ type: TrackingUnitRefDto }) unit: TrackingUnitRefDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() reports: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: 'By numeric field key',
  })
  sums: Record<string, number | null>;
  @ApiProperty({ description: 'Units with figures sit under it' }) hasChildren: boolean;
}

class TotalsTextDto implements TotalsText {
  @ApiProperty({ type: TrackingUnitRefDto }) unit: TrackingUnitRefDto;
  @ApiProperty() field: string;
  @ApiProperty() label: string;
  @ApiProperty() text: string;
}

class CompletenessRowDto implements CompletenessRow {
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty() expected: number;
  @ApiProperty() submitted: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty() missing: number;
}

class CompletenessPointDto implements CompletenessPoint {
  @ApiProperty() periodKey: string;
  @ApiProperty() label: string;
  @ApiProperty() expected: number;
  @ApiProperty() submitted: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty({ description: '0–100, one decimal' }) percent: number;
}

export class ReportTotalsResponseDto implements ReportTotalsResponse {
  @ApiProperty({ type: TemplateRefDto }) template: TemplateRefDto;
  @ApiProperty({ type: ReportPeriodRefDto }) period: ReportPeriodRefDto;
  @ApiProperty({ type: [TotalsFieldDto], description: 'The numeric fields summed' })
  fields: TotalsFieldDto[];
  @ApiProperty({ type: [TotalsNodeDto] }) nodes: TotalsNodeDto[];
  @ApiProperty({ type: [TotalsTextDto] }) texts: TotalsTextDto[];
  @ApiProperty({ type: [CompletenessRowDto] }) completeness: CompletenessRowDto[];
  @ApiProperty({ type: [CompletenessPointDto], description: 'Oldest period first' })
  series: CompletenessPointDto[];
}
