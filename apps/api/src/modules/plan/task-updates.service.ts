import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOwnTask, isTaskUnit, Role, taskUpdateFileKey, TaskUpdateResponse } from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../messaging/outbox.service';
import {
  CreateTaskUpdateDto,
  TaskUpdateListQueryDto,
  toTaskUpdateResponse,
} from './dto/task-update.dto';
import { PlanErrors } from './plan.errors';
import { PlanService } from './plan.service';
import { PlanTaskEntity } from './plan-task.entity';
import { attachmentColumns } from './task-update-attachment';
import { TaskUpdateEntity } from './task-update.entity';

export interface StoredFile {
  content: Buffer;
  mimeType: string;
  fileName: string | null;
}

/**
 * Progress updates on plan tasks. The lead and coordinating units post them: a unit reporter for
 * its own unit, a coordinator or admin for any unit of the task. Lists are newest first.
 */
@Injectable()
export class TaskUpdatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plan: PlanService,
    private readonly outbox: OutboxService,
  ) {}

  async post(actor: Actor, taskId: string, dto: CreateTaskUpdateDto): Promise<TaskUpdateResponse> {
    const id = await this.dataSource.transaction((manager) =>
      this.postIn(manager, actor.user, taskId, dto),
    );
    const [update] = await this.views(this.dataSource.manager, { id });
    return update!;
  }

  /**
   * Posts an update inside the caller's transaction (the bot's conversation batch, whose
   * embedded database has one connection); its id. Throws the same errors as `post`.
   */
  async postIn(
    manager: EntityManager,
    user: Pick<AuthUser, 'id' | 'role' | 'unitId'>,
    taskId: string,
    dto: CreateTaskUpdateDto,
  ): Promise<string> {
    const attachment = attachmentColumns(dto.attachment);
    if ('problems' in attachment) throw PlanErrors.invalid(attachment.problems);
    // FOR SHARE: the task cannot be deleted (nor its units changed) until this update is in.
    const task = await manager.findOne(PlanTaskEntity, {
      where: { id: taskId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!task) throw PlanErrors.taskNotFound();
    const units = {
      leadUnitId: task.leadUnitId,
      coordinatingUnitIds: await this.plan.coordinatorIds(manager, taskId),
    };
    const unitId = this.reportingUnit(user, units, dto.unitId);
    const update = await manager.save(
      manager.create(TaskUpdateEntity, {
        taskId,
        unitId,
        authorId: user.id,
        channel: dto.channel ?? 'api',
        text: dto.text,
        ...attachment.columns,
      }),
    );
    // A file sent in a chat is fetched from the platform by a bot instance (TaskUpdateFilesService).
    if (
      attachment.columns.attachmentFileRef &&
      (update.channel === 'telegram' || update.channel === 'zalo')
    ) {
      await this.outbox.enqueue(manager, [
        {
          kind: 'fetch_file',
          channel: update.channel,
          chatId: taskUpdateFileKey(update.id),
          replies: [],
        },
      ]);
    }
    return update.id;
  }

  async listForTask(
    user: AuthUser,
    taskId: string,
    page: PaginationQueryDto,
  ): Promise<[TaskUpdateResponse[], number]> {
    const task = await this.dataSource.manager.findOne(PlanTaskEntity, { where: { id: taskId } });
    if (!task) throw PlanErrors.taskNotFound();
    const units = {
      leadUnitId: task.leadUnitId,
      coordinatingUnitIds: await this.plan.coordinatorIds(this.dataSource.manager, taskId),
    };
    if (!isOwnTask(user, units)) throw PlanErrors.notYourUnitsTask();
    return this.views(this.dataSource.manager, { taskId }, page);
  }

  /** Updates a unit posted (a unit reporter: its own unit's); every unit's without `unitId`. */
  async listForUnit(
    user: AuthUser,
    query: TaskUpdateListQueryDto,
  ): Promise<[TaskUpdateResponse[], number]> {
    const scope = this.plan.unitScope(user);
    if (scope && query.unitId && query.unitId !== scope) throw PlanErrors.onlyOwnUnit();
    const unitId = scope ?? query.unitId;
    if (!scope && unitId) await this.plan.requireUnits(this.dataSource.manager, [unitId], 'unitId');
    return this.views(this.dataSource.manager, unitId ? { unitId } : {}, query);
  }

  /** The file stored with an update, for those who may read its task. */
  async storedFile(user: AuthUser, id: string): Promise<StoredFile> {
    const update = await this.dataSource.manager.findOne(TaskUpdateEntity, {
      where: { id },
      select: {
        id: true,
        taskId: true,
        attachmentKind: true,
        attachmentMimeType: true,
        attachmentFileName: true,
        attachmentContent: true,
      },
    });
    if (!update) throw PlanErrors.updateNotFound();
    const task = await this.dataSource.manager.findOneOrFail(PlanTaskEntity, {
      where: { id: update.taskId },
    });
    const units = {
      leadUnitId: task.leadUnitId,
      coordinatingUnitIds: await this.plan.coordinatorIds(this.dataSource.manager, task.id),
    };
    if (!isOwnTask(user, units)) throw PlanErrors.notYourUnitsTask();
    if (!update.attachmentContent) throw PlanErrors.attachmentNotStored();
    return {
      content: update.attachmentContent,
      mimeType: update.attachmentMimeType ?? 'application/octet-stream',
      fileName: update.attachmentFileName,
    };
  }

  /**
   * The unit an update is posted for. A unit reporter posts for its own unit, which must lead
   * or coordinate the task (403 otherwise); a coordinator or admin for the unit named, which
   * must be one of the task's (400 otherwise), or the lead unit.
   */
  private reportingUnit(
    user: Pick<AuthUser, 'role' | 'unitId'>,
    task: { leadUnitId: string; coordinatingUnitIds: string[] },
    requested: string | undefined,
  ): string {
    if (user.role === Role.UnitReporter) {
      if (requested !== undefined && requested !== user.unitId) throw PlanErrors.onlyOwnUnit();
      if (!isTaskUnit(task, user.unitId)) throw PlanErrors.notYourUnitsTask();
      return user.unitId!;
    }
    if (requested === undefined) return task.leadUnitId;
    if (!isTaskUnit(task, requested))
      throw PlanErrors.invalid([
        { field: 'unitId', message: 'is neither the lead nor a coordinating unit of this task' },
      ]);
    return requested;
  }

  /** Updates with their task, unit and author, newest first (never their stored file). */
  private async views(
    manager: EntityManager,
    where: { id?: string; taskId?: string; unitId?: string },
  ): Promise<TaskUpdateResponse[]>;
  private async views(
    manager: EntityManager,
    where: { id?: string; taskId?: string; unitId?: string },
    page: PaginationQueryDto,
  ): Promise<[TaskUpdateResponse[], number]>;
  private async views(
    manager: EntityManager,
    where: { id?: string; taskId?: string; unitId?: string },
    page?: PaginationQueryDto,
  ): Promise<TaskUpdateResponse[] | [TaskUpdateResponse[], number]> {
    const qb = manager
      .createQueryBuilder(TaskUpdateEntity, 'u')
      .innerJoinAndSelect('u.task', 't')
      .innerJoinAndSelect('u.unit', 'unit')
      .leftJoinAndSelect('u.author', 'a')
      .withDeleted()
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC');
    if (where.id) qb.andWhere('u.id = :id', { id: where.id });
    if (where.taskId) qb.andWhere('u.task_id = :taskId', { taskId: where.taskId });
    if (where.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: where.unitId });
    if (!page) return (await qb.getMany()).map(toTaskUpdateResponse);
    const [items, total] = await qb
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getManyAndCount();
    return [items.map(toTaskUpdateResponse), total];
  }
}
