import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PLAN_YEARS,
  PlanGroupRef,
  PlanGroupResponse,
  PlanResponse,
  PlanSummaryResponse,
  PlanTaskListQuery,
  PlanTaskResponse,
  PlanUnitRef,
  MAX_COORDINATING_UNITS,
  TASK_CODE_PATTERN,
  TASK_STATUSES,
  TaskStatus,
  TaskTimeframe,
  timeframeLabelVi,
  isTaskOverdue,
} from '@gcm/domain';
import type {
  CreatePlanGroupRequest,
  CreatePlanRequest,
  CreatePlanTaskRequest,
  UpdatePlanGroupRequest,
  UpdatePlanRequest,
} from '@gcm/domain';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { CleanText, QueryBoolean } from '../../../common/validation/transforms';
import { UnitEntity } from '../../units/unit.entity';
import { PlanEntity, PlanGroupEntity } from '../plan.entity';
import { PlanTaskEntity } from '../plan-task.entity';
import { Optional, PartialDto } from '../../../common/validation/optional';
import {
  IsCalendarDay,
  IsTaskTimeframe,
  IsYearNotBefore,
  TIMEFRAME_SCHEMA,
} from './plan-validation';

const YEAR_RULE = (field: string) => ({
  message: `${field} must be a whole number from ${PLAN_YEARS.min} to ${PLAN_YEARS.max}`,
});
const ORDINAL_RULE = { message: 'ordinal must be a whole number from 1 to 99' };

export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({
    example: '389/KH-UBND',
    description: 'Number and symbol as printed ("…/KH-UBND" when the number is unreadable)',
  })
  @CleanText()
  @IsString({ message: 'number must be text' })
  @MinLength(1, { message: 'number must not be empty' })
  @MaxLength(64)
  number: string;

  @ApiProperty({
    example: 'Kế hoạch thực hiện Thỏa thuận toàn cầu về Di cư hợp pháp, an toàn và trật tự',
  })
  @CleanText()
  @IsString({ message: 'title must be text' })
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The unit that issued it (not a deleted one)' })
  @IsUUID('all', { message: 'issuingUnitId must be a unit id (UUID)' })
  issuingUnitId: string;

  @ApiProperty({ example: 2020, minimum: PLAN_YEARS.min, maximum: PLAN_YEARS.max })
  @IsInt(YEAR_RULE('startYear'))
  @Min(PLAN_YEARS.min, YEAR_RULE('startYear'))
  @Max(PLAN_YEARS.max, YEAR_RULE('startYear'))
  startYear: number;

  @ApiProperty({
    example: 2030,
    minimum: PLAN_YEARS.min,
    maximum: PLAN_YEARS.max,
    description: 'Not before startYear',
  })
  @IsInt(YEAR_RULE('endYear'))
  @Min(PLAN_YEARS.min, YEAR_RULE('endYear'))
  @Max(PLAN_YEARS.max, YEAR_RULE('endYear'))
  @IsYearNotBefore('startYear')
  endYear: number;

  @ApiProperty({ format: 'date', example: '2020-07-17', description: 'The day it was signed' })
  @IsCalendarDay()
  issuedOn: string;
}

/** Any field of a plan; `null` is refused like a wrong value. */
export class UpdatePlanDto extends PartialDto(CreatePlanDto) implements UpdatePlanRequest {}

export class CreatePlanGroupDto implements CreatePlanGroupRequest {
  @ApiProperty({ example: 3, minimum: 1, maximum: 99, description: 'Unique in the plan' })
  @IsInt(ORDINAL_RULE)
  @Min(1, ORDINAL_RULE)
  @Max(99, ORDINAL_RULE)
  ordinal: number;

  @ApiProperty({
    example: 'Nắm chắc tình hình an ninh, trật tự liên quan đến hoạt động di cư tại địa phương',
  })
  @CleanText()
  @IsString({ message: 'title must be text' })
  @MinLength(3)
  @MaxLength(500)
  title: string;
}

/** Any field of a group; a new `ordinal` renumbers its tasks. `null` is refused. */
export class UpdatePlanGroupDto
  extends PartialDto(CreatePlanGroupDto)
  implements UpdatePlanGroupRequest {}

export class CreatePlanTaskDto implements CreatePlanTaskRequest {
  @ApiProperty({ format: 'uuid', description: 'The task group (its plan is the task’s plan)' })
  @IsUUID('all', { message: 'groupId must be a plan group id (UUID)' })
  groupId: string;

  @ApiProperty({ example: '1.2', description: 'Numbers joined by dots, starting with the group’s' })
  @CleanText()
  @IsString({ message: 'code must be text' })
  @Matches(TASK_CODE_PATTERN, {
    message: 'code must be numbers joined by dots, starting with the group number, such as 1.2',
  })
  code: string;

  @ApiProperty({ example: 'Đăng tải thông tin về di cư trên các phương tiện truyền thông' })
  @CleanText()
  @IsString({ message: 'title must be text' })
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ default: '' })
  @CleanText()
  @Optional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The lead unit (chủ trì)' })
  @IsUUID('all', { message: 'leadUnitId must be a unit id (UUID)' })
  leadUnitId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The coordinating units (phối hợp); the whole list',
  })
  @Optional()
  @IsArray({ message: 'coordinatingUnitIds must be a list of unit ids' })
  @ArrayMaxSize(MAX_COORDINATING_UNITS)
  @ArrayUnique({ message: 'coordinatingUnitIds must not name a unit twice' })
  @IsUUID('all', { each: true, message: 'coordinatingUnitIds must be unit ids (UUID)' })
  coordinatingUnitIds?: string[];

  @ApiProperty(TIMEFRAME_SCHEMA)
  @IsTaskTimeframe()
  timeframe: TaskTimeframe;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'not_started' })
  @Optional()
  @IsIn(TASK_STATUSES, { message: `status must be one of: ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;
}

/** Any field of a task; `null` is refused like a wrong value. */
export class UpdatePlanTaskDto extends PartialDto(CreatePlanTaskDto) {}

export class PlanTaskListQueryDto extends PaginationQueryDto implements PlanTaskListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'planId must be a plan id (UUID)' })
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'groupId must be a plan group id (UUID)' })
  groupId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tasks this unit leads or coordinates' })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @Optional()
  @IsIn(TASK_STATUSES, { message: `status must be one of: ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Past the timeframe and not done (true) or not (false)' })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

// Responses (classes for the OpenAPI document; the mappers below fill them).

export class PlanUnitRefDto implements PlanUnitRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TP-CA' }) code: string;
  @ApiProperty({ example: 'Công an thành phố' }) name: string;
}

export class PlanGroupRefDto implements PlanGroupRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 3 }) ordinal: number;
  @ApiProperty({
    example: 'Nắm chắc tình hình an ninh, trật tự liên quan đến hoạt động di cư tại địa phương',
  })
  title: string;
}

export class PlanTaskResponseDto implements PlanTaskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ type: PlanGroupRefDto }) group: PlanGroupRefDto;
  @ApiProperty({ example: '3.1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: PlanUnitRefDto }) leadUnit: PlanUnitRefDto;
  @ApiProperty({ type: [PlanUnitRefDto] }) coordinatingUnits: PlanUnitRefDto[];
  @ApiProperty(TIMEFRAME_SCHEMA) timeframe: TaskTimeframe;
  @ApiProperty({ example: 'Đến năm 2022' }) timeframeLabel: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2022-12-31' })
  dueOn: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ description: 'Past dueOn in Vietnam and not done' }) overdue: boolean;
  @ApiProperty() updateCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUpdateAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanSummaryResponseDto implements PlanSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '389/KH-UBND' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: PlanUnitRefDto }) issuingUnit: PlanUnitRefDto;
  @ApiProperty({ example: 2020 }) startYear: number;
  @ApiProperty({ example: 2030 }) endYear: number;
  @ApiProperty({ format: 'date', example: '2020-07-17' }) issuedOn: string;
  @ApiProperty() groupCount: number;
  @ApiProperty() taskCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanGroupResponseDto extends PlanGroupRefDto implements PlanGroupResponse {
  @ApiProperty({ type: [PlanTaskResponseDto] }) tasks: PlanTaskResponseDto[];
}

export class PlanResponseDto extends PlanSummaryResponseDto implements PlanResponse {
  @ApiProperty({ type: [PlanGroupResponseDto] }) groups: PlanGroupResponseDto[];
}

// Mappers.

export interface TaskStats {
  updateCount: number;
  lastUpdateAt: Date | null;
}

export function toPlanUnitRef(unit: UnitEntity): PlanUnitRef {
  return { id: unit.id, code: unit.code, name: unit.name };
}

export function toPlanGroupRef(group: PlanGroupEntity): PlanGroupRef {
  return { id: group.id, ordinal: group.ordinal, title: group.title };
}

/** A task loaded with its group, lead unit and coordinating units. */
export function toPlanTaskResponse(
  task: PlanTaskEntity,
  stats: TaskStats,
  today: string,
): PlanTaskResponse {
  return {
    id: task.id,
    planId: task.planId,
    group: toPlanGroupRef(task.group!),
    code: task.code,
    title: task.title,
    description: task.description,
    leadUnit: toPlanUnitRef(task.leadUnit!),
    coordinatingUnits: (task.coordinatingUnits ?? [])
      .slice()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(toPlanUnitRef),
    timeframe: task.timeframe,
    timeframeLabel: timeframeLabelVi(task.timeframe),
    dueOn: task.dueOn,
    status: task.status,
    overdue: isTaskOverdue(task, today),
    updateCount: stats.updateCount,
    lastUpdateAt: stats.lastUpdateAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

/** A plan loaded with its issuing unit. */
export function toPlanSummaryResponse(
  plan: PlanEntity,
  counts: { groupCount: number; taskCount: number },
): PlanSummaryResponse {
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    issuingUnit: toPlanUnitRef(plan.issuingUnit!),
    startYear: plan.startYear,
    endYear: plan.endYear,
    issuedOn: plan.issuedOn,
    groupCount: counts.groupCount,
    taskCount: counts.taskCount,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function toPlanResponse(
  plan: PlanEntity,
  groups: PlanGroupEntity[],
  tasks: PlanTaskResponse[],
  taskCount: number,
): PlanResponse {
  return {
    ...toPlanSummaryResponse(plan, { groupCount: groups.length, taskCount }),
    groups: groups.map((group) => ({
      ...toPlanGroupRef(group),
      tasks: tasks.filter((task) => task.group.id === group.id),
    })),
  };
}
