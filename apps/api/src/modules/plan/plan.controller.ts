import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  Page,
  PLAN_WRITERS,
  PlanGroupRef,
  PlanResponse,
  PlanSummaryResponse,
  PlanTaskResponse,
  ROLES,
  TASK_UPDATE_POSTERS,
  TaskUpdateResponse,
} from '@gcm/domain';
import type { Response } from 'express';
import { Actor, CurrentActor, CurrentUser, Roles } from '../../common/decorators/access.decorators';
import { ApiErrors } from '../../common/decorators/openapi.decorators';
import { pageOf } from '../../common/dto/openapi.dto';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import type { AuthUser } from '../auth/auth-user';
import {
  CreatePlanDto,
  CreatePlanGroupDto,
  CreatePlanTaskDto,
  PlanGroupRefDto,
  PlanResponseDto,
  PlanSummaryResponseDto,
  PlanTaskListQueryDto,
  PlanTaskResponseDto,
  UpdatePlanDto,
  UpdatePlanGroupDto,
  UpdatePlanTaskDto,
} from './dto/plan.dto';
import {
  CreateTaskUpdateDto,
  TaskUpdateListQueryDto,
  TaskUpdateResponseDto,
} from './dto/task-update.dto';
import { PlanService } from './plan.service';
import { TaskUpdatesService } from './task-updates.service';

const page = <T>(items: T[], total: number, query: PaginationQueryDto): Page<T> => ({
  items,
  total,
  page: query.page,
  pageSize: query.pageSize,
});

@ApiTags('plan')
@ApiErrors([403, 'Role not allowed'])
@Controller('plans')
export class PlansController {
  constructor(private readonly plan: PlanService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: pageOf(PlanSummaryResponseDto) })
  async list(@Query() query: PaginationQueryDto): Promise<Page<PlanSummaryResponse>> {
    const [items, total] = await this.plan.listPlans(query);
    return page(items, total, query);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({
    type: PlanResponseDto,
    description: "Groups in order with their tasks; a unit reporter gets its unit's tasks only",
  })
  @ApiErrors(404)
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlanResponse> {
    return this.plan.getPlan(user, id);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiCreatedResponse({ type: PlanResponseDto, description: 'The new plan, with no groups yet' })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() body: CreatePlanDto): Promise<PlanResponse> {
    return this.plan.createPlan(actor, body);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiErrors(400, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePlanDto,
  ): Promise<PlanResponse> {
    return this.plan.updatePlan(actor, id, body);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its groups' })
  @ApiErrors(404, [409, 'plan_not_empty: the plan has tasks'])
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.plan.removePlan(actor, id);
  }

  @Post(':id/groups')
  @Roles(...PLAN_WRITERS)
  @ApiCreatedResponse({ type: PlanGroupRefDto })
  @ApiErrors(400, 404, [409, 'plan_group_ordinal_taken'])
  createGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreatePlanGroupDto,
  ): Promise<PlanGroupRef> {
    return this.plan.createGroup(actor, id, body);
  }

  @Patch(':id/groups/:groupId')
  @Roles(...PLAN_WRITERS)
  @ApiOkResponse({
    type: PlanGroupRefDto,
    description: "A new ordinal renumbers the group's tasks (3.1 becomes 4.1)",
  })
  @ApiErrors(
    400,
    [404, 'plan_not_found, or plan_group_not_found (also a group of another plan)'],
    [409, 'plan_group_ordinal_taken'],
  )
  updateGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() body: UpdatePlanGroupDto,
  ): Promise<PlanGroupRef> {
    return this.plan.updateGroup(actor, id, groupId, body);
  }

  @Delete(':id/groups/:groupId')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(
    [404, 'plan_not_found, or plan_group_not_found (also a group of another plan)'],
    [409, 'plan_group_has_tasks'],
  )
  removeGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
  ): Promise<void> {
    return this.plan.removeGroup(actor, id, groupId);
  }
}

@ApiTags('plan')
@ApiErrors([403, "Role not allowed, or (plan_task_not_your_unit) not the unit reporter's task"])
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly plan: PlanService,
    private readonly updates: TaskUpdatesService,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({
    type: pageOf(PlanTaskResponseDto),
    description: "In plan order; a unit reporter gets its unit's tasks only",
  })
  @ApiErrors(400)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: PlanTaskListQueryDto,
  ): Promise<Page<PlanTaskResponse>> {
    const [items, total] = await this.plan.listTasks(user, query);
    return page(items, total, query);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: PlanTaskResponseDto })
  @ApiErrors(404)
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlanTaskResponse> {
    return this.plan.getTask(user, id);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiCreatedResponse({ type: PlanTaskResponseDto })
  @ApiErrors(400, [409, 'plan_task_code_taken'])
  create(@CurrentActor() actor: Actor, @Body() body: CreatePlanTaskDto): Promise<PlanTaskResponse> {
    return this.plan.createTask(actor, body);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOkResponse({ type: PlanTaskResponseDto })
  @ApiErrors(400, 404, [409, 'plan_task_code_taken'])
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePlanTaskDto,
  ): Promise<PlanTaskResponse> {
    return this.plan.updateTask(actor, id, body);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(404, [409, 'plan_task_has_updates'])
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.plan.removeTask(actor, id);
  }

  @Post(':id/updates')
  @Roles(...TASK_UPDATE_POSTERS)
  @ApiCreatedResponse({ type: TaskUpdateResponseDto })
  @ApiErrors(400, 404)
  postUpdate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateTaskUpdateDto,
  ): Promise<TaskUpdateResponse> {
    return this.updates.post(actor, id, body);
  }

  @Get(':id/updates')
  @Roles(...ROLES)
  @ApiOkResponse({ type: pageOf(TaskUpdateResponseDto), description: 'Newest first' })
  @ApiErrors(404)
  async listUpdates(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PaginationQueryDto,
  ): Promise<Page<TaskUpdateResponse>> {
    const [items, total] = await this.updates.listForTask(user, id, query);
    return page(items, total, query);
  }
}

@ApiTags('plan')
@ApiErrors([403, "Role not allowed, or (plan_task_not_your_unit) not the unit reporter's unit"])
@Controller('task-updates')
export class TaskUpdatesController {
  constructor(private readonly updates: TaskUpdatesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({
    type: pageOf(TaskUpdateResponseDto),
    description: "Newest first: one unit's (a unit reporter's own by default) or every unit's",
  })
  @ApiErrors(400)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: TaskUpdateListQueryDto,
  ): Promise<Page<TaskUpdateResponse>> {
    const [items, total] = await this.updates.listForUnit(user, query);
    return page(items, total, query);
  }

  /** The file uploaded with an update, as an attachment (never shown inline). */
  @Get(':id/attachment')
  @Roles(...ROLES)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with its MIME type and name' })
  @ApiErrors([404, 'task_update_not_found, or attachment_not_stored when the file is a fileRef'])
  async attachment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.updates.storedFile(user, id);
    // attachment() sets a type from the file name's extension: the stored type comes after it.
    res
      .status(200)
      .attachment(file.fileName ?? 'tep-dinh-kem')
      .type(file.mimeType)
      .setHeader('Cache-Control', 'private, no-store')
      .end(file.content);
  }
}
