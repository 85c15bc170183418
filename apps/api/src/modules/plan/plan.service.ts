import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  codeFitsGroup,
  FieldError,
  isOwnTask,
  PlanGroupRef,
  PlanResponse,
  PlanSummaryResponse,
  PlanTaskListQuery,
  PlanTaskResponse,
  Role,
  timeframeDueOn,
  toTimeframe,
  vietnamToday,
} from '@gcm/domain';
import {
  DataSource,
  EntityManager,
  In,
  IsNull,
  QueryFailedError,
  SelectQueryBuilder,
} from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { UnitEntity } from '../units/unit.entity';
import {
  CreatePlanDto,
  CreatePlanGroupDto,
  CreatePlanTaskDto,
  PlanTaskListQueryDto,
  TaskStats,
  toPlanGroupRef,
  toPlanResponse,
  toPlanSummaryResponse,
  toPlanTaskResponse,
  UpdatePlanDto,
  UpdatePlanGroupDto,
  UpdatePlanTaskDto,
} from './dto/plan.dto';
import { PlanEntity, PlanGroupEntity } from './plan.entity';
import { PlanErrors } from './plan.errors';
import { PlanTaskEntity } from './plan-task.entity';
import { TaskUpdateEntity } from './task-update.entity';

/** Matches no unit (a unit reporter always has one; the database says so). */
const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/** A task's columns and its coordinating units' ids: what the audit log keeps of it. */
type TaskSnapshot = Omit<PlanTaskEntity, 'group' | 'leadUnit' | 'coordinatingUnits'> & {
  coordinatingUnitIds: string[];
};

/** A plan's columns: what the audit log keeps of it. */
type PlanSnapshot = Omit<PlanEntity, 'issuingUnit'>;

/**
 * Plans and their tasks. Everyone with a role reads them, except that a unit reporter reads only
 * the tasks its unit leads or coordinates; admins and coordinators write plans, their groups and
 * tasks.
 */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listPlans(query: PaginationQueryDto): Promise<[PlanSummaryResponse[], number]> {
    const [plans, total] = await this.dataSource.manager.findAndCount(PlanEntity, {
      relations: { issuingUnit: true },
      withDeleted: true,
      order: { issuedOn: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const counts = await this.planCounts(plans.map((p) => p.id));
    return [
      plans.map((plan) =>
        toPlanSummaryResponse(plan, counts.get(plan.id) ?? { groupCount: 0, taskCount: 0 }),
      ),
      total,
    ];
  }

  /** The plan, its groups in order and their tasks (a unit reporter's: its unit's only). */
  async getPlan(user: AuthUser, id: string): Promise<PlanResponse> {
    const manager = this.dataSource.manager;
    const plan = await manager.findOne(PlanEntity, {
      where: { id },
      relations: { issuingUnit: true },
      withDeleted: true,
    });
    if (!plan) throw PlanErrors.planNotFound();
    const groups = await manager.find(PlanGroupEntity, {
      where: { planId: id },
      order: { ordinal: 'ASC' },
    });
    const scope = this.unitScope(user) ?? undefined;
    const ids = await this.orderedIds(this.taskQuery(manager, { planId: id, unitId: scope }));
    const taskCount = await manager.count(PlanTaskEntity, { where: { planId: id } });
    return toPlanResponse(plan, groups, await this.taskResponses(manager, ids), taskCount);
  }

  async listTasks(
    user: AuthUser,
    query: PlanTaskListQueryDto,
  ): Promise<[PlanTaskResponse[], number]> {
    const scope = this.unitScope(user);
    if (scope && query.unitId && query.unitId !== scope) throw PlanErrors.onlyOwnUnit();
    const unitId = scope ?? query.unitId;
    const manager = this.dataSource.manager;
    if (!scope && unitId) await this.requireUnits(manager, [unitId], 'unitId');
    const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
    const total = await this.taskQuery(manager, { ...query, unitId }).getCount();
    const ids = await this.orderedIds(this.taskQuery(manager, { ...query, unitId }), page);
    return [await this.taskResponses(manager, ids), total];
  }

  async getTask(user: AuthUser, id: string): Promise<PlanTaskResponse> {
    const [task] = await this.taskResponses(this.dataSource.manager, [id]);
    if (!task) throw PlanErrors.taskNotFound();
    const units = {
      leadUnitId: task.leadUnit.id,
      coordinatingUnitIds: task.coordinatingUnits.map((u) => u.id),
    };
    if (!isOwnTask(user, units)) throw PlanErrors.notYourUnitsTask();
    return task;
  }

  async createPlan(actor: Actor, dto: CreatePlanDto): Promise<PlanResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      checkPeriod(dto.startYear, dto.endYear);
      await this.requireUnits(manager, [dto.issuingUnitId], 'issuingUnitId');
      const plan = await manager.save(
        manager.create(PlanEntity, {
          number: dto.number,
          title: dto.title,
          issuingUnitId: dto.issuingUnitId,
          startYear: dto.startYear,
          endYear: dto.endYear,
          issuedOn: dto.issuedOn,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'plan.create',
        entityType: 'plan',
        entityId: plan.id,
        after: planSnapshot(plan),
      });
      return plan.id;
    });
    return this.getPlan(actor.user, id);
  }

  /** Any field; a year sent alone is checked against the stored other one. */
  async updatePlan(actor: Actor, id: string, dto: UpdatePlanDto): Promise<PlanResponse> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.requirePlan(manager, id, 'pessimistic_write');
      const before = planSnapshot(plan);
      const startYear = dto.startYear ?? plan.startYear;
      const endYear = dto.endYear ?? plan.endYear;
      checkPeriod(startYear, endYear);
      // A unit newly named must exist; the one already there stays even if deleted since.
      const issuingUnitId = dto.issuingUnitId ?? plan.issuingUnitId;
      if (issuingUnitId !== plan.issuingUnitId)
        await this.requireUnits(manager, [issuingUnitId], 'issuingUnitId');
      Object.assign(plan, {
        number: dto.number ?? plan.number,
        title: dto.title ?? plan.title,
        issuingUnitId,
        startYear,
        endYear,
        issuedOn: dto.issuedOn ?? plan.issuedOn,
      });
      const saved = await manager.save(plan);
      await this.audit.record(manager, actor, {
        action: 'plan.update',
        entityType: 'plan',
        entityId: id,
        before,
        after: planSnapshot(saved),
      });
    });
    return this.getPlan(actor.user, id);
  }

  /** Deletes a plan that has no tasks; its (empty) groups go with it. */
  async removePlan(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.requirePlan(manager, id, 'pessimistic_write');
      // Its groups too: a task being added to one (which reads its group FOR SHARE) is counted
      // below, or waits and then finds no group.
      const groups = await manager.find(PlanGroupEntity, {
        where: { planId: id },
        order: { ordinal: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const tasks = await manager.count(PlanTaskEntity, { where: { planId: id } });
      if (tasks > 0) throw PlanErrors.planNotEmpty(tasks);
      await manager.delete(PlanEntity, id);
      await this.audit.record(manager, actor, {
        action: 'plan.delete',
        entityType: 'plan',
        entityId: id,
        before: { ...planSnapshot(plan), groups: groups.map(toPlanGroupRef) },
      });
    });
  }

  async createGroup(actor: Actor, planId: string, dto: CreatePlanGroupDto): Promise<PlanGroupRef> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the plan is not deleted while its new group goes in.
      await this.requirePlan(manager, planId, 'pessimistic_read');
      await checkOrdinal(manager, planId, dto.ordinal);
      const group = await saveGroup(
        manager,
        manager.create(PlanGroupEntity, { planId, ordinal: dto.ordinal, title: dto.title }),
      );
      await this.audit.record(manager, actor, {
        action: 'plan_group.create',
        entityType: 'plan_group',
        entityId: group.id,
        after: { ...group },
      });
      return toPlanGroupRef(group);
    });
  }

  /** Any field; a new `ordinal` renumbers the group's tasks ("3.1" becomes "4.1"). */
  async updateGroup(
    actor: Actor,
    planId: string,
    groupId: string,
    dto: UpdatePlanGroupDto,
  ): Promise<PlanGroupRef> {
    return this.dataSource.transaction(async (manager) => {
      await this.requirePlan(manager, planId);
      // Its tasks first, then the group: a task's edit locks the task, then reads its group FOR
      // SHARE, so the two wait for each other in the same order and never deadlock.
      await manager.find(PlanTaskEntity, {
        select: { id: true },
        where: { groupId, planId },
        lock: { mode: 'pessimistic_write' },
      });
      const group = await this.requireGroup(manager, planId, groupId);
      const before = { ...group };
      const ordinal = dto.ordinal ?? group.ordinal;
      if (ordinal !== group.ordinal) await checkOrdinal(manager, planId, ordinal);
      Object.assign(group, { ordinal, title: dto.title ?? group.title });
      const saved = await saveGroup(manager, group);
      const renumbered =
        ordinal !== before.ordinal ? await renumberTasks(manager, groupId, ordinal) : [];
      await this.audit.record(manager, actor, {
        action: 'plan_group.update',
        entityType: 'plan_group',
        entityId: groupId,
        before,
        after: {
          ...saved,
          ...(renumbered.length > 0 && {
            renumberedTasks: renumbered.map((task) => ({
              id: task.id,
              from: `${before.ordinal}${task.code.slice(String(ordinal).length)}`,
              to: task.code,
            })),
          }),
        },
      });
      return toPlanGroupRef(saved);
    });
  }

  /** Deletes a group that has no tasks. */
  async removeGroup(actor: Actor, planId: string, groupId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requirePlan(manager, planId);
      // FOR UPDATE: a task being added to it (which reads the group FOR SHARE) is counted below,
      // or waits and then finds no group.
      const group = await this.requireGroup(manager, planId, groupId);
      const tasks = await manager.count(PlanTaskEntity, { where: { groupId } });
      if (tasks > 0) throw PlanErrors.groupHasTasks(tasks);
      await manager.delete(PlanGroupEntity, groupId);
      await this.audit.record(manager, actor, {
        action: 'plan_group.delete',
        entityType: 'plan_group',
        entityId: groupId,
        before: { ...group },
      });
    });
  }

  async createTask(actor: Actor, dto: CreatePlanTaskDto): Promise<PlanTaskResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the group is not renumbered nor deleted until the task is in.
      const group = await manager.findOne(PlanGroupEntity, {
        where: { id: dto.groupId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!group) throw PlanErrors.invalid([{ field: 'groupId', message: 'names no plan group' }]);
      const coordinatingUnitIds = dto.coordinatingUnitIds ?? [];
      await this.checkTask(manager, group, dto.code, dto.leadUnitId, coordinatingUnitIds, null);
      const timeframe = toTimeframe(dto.timeframe);
      const task = await saveTask(
        manager,
        manager.create(PlanTaskEntity, {
          planId: group.planId,
          groupId: group.id,
          code: dto.code,
          title: dto.title,
          description: dto.description ?? '',
          leadUnitId: dto.leadUnitId,
          timeframe,
          dueOn: timeframeDueOn(timeframe),
          status: dto.status ?? 'not_started',
        }),
      );
      await this.coordinators(manager, task.id).add(coordinatingUnitIds);
      await this.audit.record(manager, actor, {
        action: 'plan_task.create',
        entityType: 'plan_task',
        entityId: task.id,
        after: snapshot(task, coordinatingUnitIds),
      });
      return task.id;
    });
    return this.getTask(actor.user, id);
  }

  async updateTask(actor: Actor, id: string, dto: UpdatePlanTaskDto): Promise<PlanTaskResponse> {
    await this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(PlanTaskEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!task) throw PlanErrors.taskNotFound();
      const current = await this.coordinatorIds(manager, id);
      const before = snapshot(task, current);

      // FOR SHARE: the group is not renumbered nor deleted until the task is saved.
      const lock = { mode: 'pessimistic_read' } as const;
      let group: PlanGroupEntity | null = null;
      if (dto.groupId !== undefined) {
        group = await manager.findOne(PlanGroupEntity, { where: { id: dto.groupId }, lock });
        if (!group || group.planId !== task.planId)
          throw PlanErrors.invalid([
            { field: 'groupId', message: "names no group of this task's plan" },
          ]);
      } else {
        group = await manager.findOneOrFail(PlanGroupEntity, {
          where: { id: task.groupId },
          lock,
        });
      }
      const code = dto.code ?? task.code;
      const leadUnitId = dto.leadUnitId ?? task.leadUnitId;
      const coordinatingUnitIds = dto.coordinatingUnitIds ?? current;
      await this.checkTask(manager, group, code, leadUnitId, coordinatingUnitIds, task, current);

      if (dto.timeframe !== undefined) {
        task.timeframe = toTimeframe(dto.timeframe);
        task.dueOn = timeframeDueOn(task.timeframe);
      }
      Object.assign(task, {
        groupId: group.id,
        code,
        leadUnitId,
        title: dto.title ?? task.title,
        description: dto.description ?? task.description,
        status: dto.status ?? task.status,
      });
      const saved = await saveTask(manager, task);
      if (dto.coordinatingUnitIds !== undefined) {
        await this.coordinators(manager, id).addAndRemove(
          coordinatingUnitIds.filter((unitId) => !current.includes(unitId)),
          current.filter((unitId) => !coordinatingUnitIds.includes(unitId)),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'plan_task.update',
        entityType: 'plan_task',
        entityId: id,
        before,
        after: snapshot(saved, coordinatingUnitIds),
      });
    });
    return this.getTask(actor.user, id);
  }

  /** Deletes a task that has no progress updates yet (those are kept: edit the task instead). */
  async removeTask(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(PlanTaskEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!task) throw PlanErrors.taskNotFound();
      const updates = await manager.count(TaskUpdateEntity, { where: { taskId: id } });
      if (updates > 0) throw PlanErrors.hasUpdates(updates);
      const before = snapshot(task, await this.coordinatorIds(manager, id));
      await manager.delete(PlanTaskEntity, id);
      await this.audit.record(manager, actor, {
        action: 'plan_task.delete',
        entityType: 'plan_task',
        entityId: id,
        before,
      });
    });
  }

  /** The unit a user's task reads are limited to: a unit reporter's own unit, or null for all. */
  unitScope(user: AuthUser): string | null {
    return user.role === Role.UnitReporter ? (user.unitId ?? NO_UNIT) : null;
  }

  /** Fails with 400 naming `field` unless every id names a unit that is not deleted. */
  async requireUnits(manager: EntityManager, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await manager.find(UnitEntity, {
      select: { id: true },
      where: { id: In(ids), deletedAt: IsNull() },
    });
    const known = new Set(found.map((u) => u.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw PlanErrors.invalid([
        { field, message: `names no unit (or a deleted one): ${unknown.join(', ')}` },
      ]);
  }

  /** The task's coordinating units, deleted ones included. */
  async coordinatorIds(manager: EntityManager, taskId: string): Promise<string[]> {
    const rows: { unit_id: string }[] = await manager.query(
      'SELECT unit_id FROM plan_task_coordinators WHERE task_id = $1',
      [taskId],
    );
    return rows.map((r) => r.unit_id);
  }

  /** Tasks loaded with their group, units and update counts, in the order of `ids`. */
  async taskResponses(manager: EntityManager, ids: string[]): Promise<PlanTaskResponse[]> {
    if (ids.length === 0) return [];
    const tasks = await manager.find(PlanTaskEntity, {
      where: { id: In(ids) },
      relations: { group: true, leadUnit: true, coordinatingUnits: true },
      withDeleted: true,
    });
    const rows: { taskId: string; count: number; last: Date }[] = await manager
      .createQueryBuilder(TaskUpdateEntity, 'u')
      .select('u.task_id', 'taskId')
      .addSelect('count(*)::int', 'count')
      .addSelect('max(u.created_at)', 'last')
      .where('u.task_id IN (:...ids)', { ids })
      .groupBy('u.task_id')
      .getRawMany();
    const stats = new Map<string, TaskStats>(
      rows.map((r) => [r.taskId, { updateCount: r.count, lastUpdateAt: new Date(r.last) }]),
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const today = vietnamToday();
    return ids.flatMap((id) => {
      const task = byId.get(id);
      if (!task) return [];
      const taskStats = stats.get(id) ?? { updateCount: 0, lastUpdateAt: null };
      return [toPlanTaskResponse(task, taskStats, today)];
    });
  }

  /** The tasks matching the filters; `unitId`: those the unit leads or coordinates. */
  private taskQuery(
    manager: EntityManager,
    filters: Omit<PlanTaskListQuery, 'page' | 'pageSize'>,
  ): SelectQueryBuilder<PlanTaskEntity> {
    const qb = manager.createQueryBuilder(PlanTaskEntity, 't');
    if (filters.planId) qb.andWhere('t.plan_id = :planId', { planId: filters.planId });
    if (filters.groupId) qb.andWhere('t.group_id = :groupId', { groupId: filters.groupId });
    if (filters.status) qb.andWhere('t.status = :status', { status: filters.status });
    if (filters.unitId)
      qb.andWhere(
        `(t.lead_unit_id = :unitId OR EXISTS (SELECT 1 FROM plan_task_coordinators c
           WHERE c.task_id = t.id AND c.unit_id = :unitId))`,
        { unitId: filters.unitId },
      );
    if (filters.overdue !== undefined) {
      const overdue = `(t.due_on < :today AND t.status <> 'done')`;
      qb.andWhere(filters.overdue ? overdue : `NOT coalesce(${overdue}, false)`, {
        today: vietnamToday(),
      });
    }
    return qb;
  }

  /**
   * The ids of a task query in plan order: newest plan first, then group, then task number read
   * as numbers (1.10 after 1.9); one page of them when asked.
   */
  private async orderedIds(
    qb: SelectQueryBuilder<PlanTaskEntity>,
    page?: { offset: number; limit: number },
  ): Promise<string[]> {
    qb.innerJoin(PlanGroupEntity, 'g', 'g.id = t.group_id')
      .innerJoin(PlanEntity, 'p', 'p.id = t.plan_id')
      .select('t.id', 'id')
      .orderBy('p.issued_on', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .addOrderBy('g.ordinal', 'ASC')
      .addOrderBy(`CAST(string_to_array(t.code, '.') AS int[])`, 'ASC');
    if (page) qb.offset(page.offset).limit(page.limit);
    const rows: { id: string }[] = await qb.getRawMany();
    return rows.map((r) => r.id);
  }

  private async planCounts(
    planIds: string[],
  ): Promise<Map<string, { groupCount: number; taskCount: number }>> {
    if (planIds.length === 0) return new Map();
    const rows: { id: string; groupCount: number; taskCount: number }[] =
      await this.dataSource.query(
        `SELECT p.id,
                (SELECT count(*)::int FROM plan_groups g WHERE g.plan_id = p.id) AS "groupCount",
                (SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = p.id) AS "taskCount"
           FROM plans p WHERE p.id = ANY($1)`,
        [planIds],
      );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The plan, or 404; locked FOR SHARE or FOR UPDATE when asked. */
  private async requirePlan(
    manager: EntityManager,
    id: string,
    mode?: 'pessimistic_read' | 'pessimistic_write',
  ): Promise<PlanEntity> {
    const plan = await manager.findOne(PlanEntity, {
      where: { id },
      ...(mode && { lock: { mode } }),
    });
    if (!plan) throw PlanErrors.planNotFound();
    return plan;
  }

  /** The group of that plan, FOR UPDATE, or 404 (a group of another plan too). */
  private async requireGroup(
    manager: EntityManager,
    planId: string,
    groupId: string,
  ): Promise<PlanGroupEntity> {
    const group = await manager.findOne(PlanGroupEntity, {
      where: { id: groupId, planId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!group) throw PlanErrors.groupNotFound();
    return group;
  }

  /** The rules of a task's number and units, each answered with the field to fix. */
  private async checkTask(
    manager: EntityManager,
    group: PlanGroupEntity,
    code: string,
    leadUnitId: string,
    coordinatingUnitIds: string[],
    self: PlanTaskEntity | null,
    currentCoordinators: string[] = [],
  ): Promise<void> {
    const problems: FieldError[] = [];
    if (!codeFitsGroup(code, group.ordinal))
      problems.push({
        field: 'code',
        message: `must start with the group's number: ${group.ordinal}.1, ${group.ordinal}.2…`,
      });
    if (coordinatingUnitIds.includes(leadUnitId))
      problems.push({
        field: 'coordinatingUnitIds',
        message: 'must not include the lead unit (it leads the task already)',
      });
    if (problems.length > 0) throw PlanErrors.invalid(problems);
    // Units newly named must exist; those already on the task stay even if deleted since.
    if (!self || self.leadUnitId !== leadUnitId)
      await this.requireUnits(manager, [leadUnitId], 'leadUnitId');
    await this.requireUnits(
      manager,
      coordinatingUnitIds.filter((id) => !currentCoordinators.includes(id)),
      'coordinatingUnitIds',
    );
    if (!self || self.code !== code || self.planId !== group.planId) {
      const taken = await manager.exists(PlanTaskEntity, {
        where: { planId: group.planId, code },
      });
      if (taken) throw PlanErrors.codeTaken(code);
    }
  }

  private coordinators(manager: EntityManager, taskId: string) {
    return manager.createQueryBuilder().relation(PlanTaskEntity, 'coordinatingUnits').of(taskId);
  }
}

/** The unique constraint a failed write broke, if that is why it failed. */
function brokenConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error as { driverError?: { constraint?: string } }).driverError?.constraint;
}

/** Saves a task; a concurrent write that took its code first answers like the check does. */
async function saveTask(manager: EntityManager, task: PlanTaskEntity): Promise<PlanTaskEntity> {
  try {
    return await manager.save(task);
  } catch (error) {
    if (brokenConstraint(error) === 'plan_tasks_code_key') throw PlanErrors.codeTaken(task.code);
    throw error;
  }
}

/** 409 when another group of the plan has the number. */
async function checkOrdinal(manager: EntityManager, planId: string, ordinal: number) {
  if (await manager.exists(PlanGroupEntity, { where: { planId, ordinal } }))
    throw PlanErrors.ordinalTaken(ordinal);
}

/** Saves a group; a concurrent write that took its number first answers like the check does. */
async function saveGroup(manager: EntityManager, group: PlanGroupEntity): Promise<PlanGroupEntity> {
  try {
    return await manager.save(group);
  } catch (error) {
    if (brokenConstraint(error) === 'plan_groups_plan_id_ordinal_key')
      throw PlanErrors.ordinalTaken(group.ordinal);
    throw error;
  }
}

/**
 * Gives the group's tasks its new number, keeping the rest of their codes ("3.1" becomes "4.1",
 * "3.2.1" "4.2.1"); answers their ids and new codes.
 */
async function renumberTasks(
  manager: EntityManager,
  groupId: string,
  ordinal: number,
): Promise<{ id: string; code: string }[]> {
  const result = await manager
    .createQueryBuilder()
    .update(PlanTaskEntity)
    .set({ code: () => `regexp_replace(code, '^[0-9]+', :ordinal)` })
    .where('group_id = :groupId', { groupId, ordinal: String(ordinal) })
    .returning(['id', 'code'])
    .execute();
  return result.raw as { id: string; code: string }[];
}

/** 400 naming `endYear` when the plan would end before it starts. */
function checkPeriod(startYear: number, endYear: number): void {
  if (endYear < startYear)
    throw PlanErrors.invalid([
      { field: 'endYear', message: 'endYear must not be before startYear' },
    ]);
}

function planSnapshot(plan: PlanEntity): PlanSnapshot {
  const { issuingUnit: _unit, ...columns } = plan;
  return columns;
}

function snapshot(task: PlanTaskEntity, coordinatingUnitIds: string[]): TaskSnapshot {
  const { group: _group, leadUnit: _lead, coordinatingUnits: _units, ...columns } = task;
  return { ...columns, coordinatingUnitIds };
}
