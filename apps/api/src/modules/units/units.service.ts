import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, parentProblem } from '@gcm/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { definedOnly } from '../../common/utils/defined-only';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { escapeLike } from '../users/users.service';
import { CreateUnitDto, UnitListQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitEntity } from './unit.entity';
import { UnitsErrors } from './units.errors';

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: UnitListQueryDto): Promise<[UnitEntity[], number]> {
    const qb = this.dataSource
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .orderBy('u.code', 'ASC');
    if (query.includeDeleted) qb.withDeleted();
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.search) {
      const s = `%${escapeLike(query.search.normalize('NFC'))}%`;
      qb.andWhere('(u.code ILIKE :s OR unaccent(u.name) ILIKE unaccent(:s))', { s });
    }
    const scope = await this.readableScope(this.dataSource.manager, user);
    if (scope) qb.andWhere('u.id IN (:...scope)', { scope });
    return qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  async get(user: AuthUser, id: string): Promise<UnitEntity> {
    const unit = await this.dataSource.manager.findOne(UnitEntity, {
      where: { id },
      withDeleted: true,
    });
    if (!unit) throw UnitsErrors.notFound();
    const scope = await this.readableScope(this.dataSource.manager, user);
    // Out-of-scope units answer as if they did not exist: a reporter learns nothing of other units.
    if (scope && !scope.includes(unit.id)) throw UnitsErrors.notFound();
    return unit;
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkCodeFree(manager, dto.code);
      await this.checkParent(manager, dto.kind, dto.parentId ?? null, null);
      const unit = await manager.save(
        manager.create(UnitEntity, { ...dto, parentId: dto.parentId ?? null }),
      );
      await this.audit.record(manager, actor, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: unit.id,
        after: unit,
      });
      return unit;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(UnitEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!unit) throw UnitsErrors.notFound();
      const before = { ...unit };
      if (dto.code && dto.code.toLowerCase() !== unit.code.toLowerCase())
        await this.checkCodeFree(manager, dto.code);
      const kind = dto.kind ?? unit.kind;
      const parentId = dto.parentId === undefined ? unit.parentId : dto.parentId;
      if (dto.kind !== undefined || dto.parentId !== undefined)
        await this.checkParent(manager, kind, parentId, unit.id);
      Object.assign(unit, definedOnly(dto), { kind, parentId });
      const saved = await manager.save(unit);
      await this.audit.record(manager, actor, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** Soft delete: the unit and its history stay, hidden from lists unless asked for. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(UnitEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!unit) throw UnitsErrors.notFound();
      if (await manager.exists(UnitEntity, { where: { parentId: id } }))
        throw UnitsErrors.hasChildren();
      await manager.softDelete(UnitEntity, id);
      await this.audit.record(manager, actor, {
        action: 'unit.delete',
        entityType: 'unit',
        entityId: id,
        before: unit,
      });
    });
  }

  async restore(actor: Actor, id: string): Promise<UnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(UnitEntity, { where: { id }, withDeleted: true });
      if (!unit) throw UnitsErrors.notFound();
      if (unit.parentId && !(await manager.exists(UnitEntity, { where: { id: unit.parentId } }))) {
        throw UnitsErrors.parentInvalid('The parent unit is deleted; restore it first.');
      }
      await manager.restore(UnitEntity, id);
      const restored = await manager.findOneOrFail(UnitEntity, { where: { id } });
      await this.audit.record(manager, actor, {
        action: 'unit.restore',
        entityType: 'unit',
        entityId: id,
        after: restored,
      });
      return restored;
    });
  }

  /** Ids a user may read, or null for "all". A unit reporter reads its unit and those below it. */
  async readableScope(manager: EntityManager, user: AuthUser): Promise<string[] | null> {
    if (user.role !== Role.UnitReporter) return null;
    if (!user.unitId) return [];
    return this.subtreeIds(manager, user.unitId);
  }

  async subtreeIds(manager: EntityManager, rootId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM units WHERE id = $1
         UNION SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE u.deleted_at IS NULL
       ) SELECT id FROM tree`,
      [rootId],
    );
    return rows.map((r) => r.id);
  }

  private async checkCodeFree(manager: EntityManager, code: string): Promise<void> {
    const taken = await manager
      .createQueryBuilder(UnitEntity, 'u')
      .withDeleted()
      .where('lower(u.code) = lower(:code)', { code })
      .getExists();
    if (taken) throw UnitsErrors.codeTaken(code);
  }

  private async checkParent(
    manager: EntityManager,
    kind: UnitEntity['kind'],
    parentId: string | null,
    selfId: string | null,
  ): Promise<void> {
    const parent = parentId
      ? await manager.findOne(UnitEntity, { where: { id: parentId, deletedAt: IsNull() } })
      : null;
    if (parentId && !parent) throw UnitsErrors.parentInvalid('The parent unit does not exist.');
    const problem = parentProblem(kind, parent?.kind ?? null);
    if (problem) throw UnitsErrors.parentInvalid(`The parent unit is not valid: ${problem}.`);
    if (selfId && parentId && (await this.subtreeIds(manager, selfId)).includes(parentId)) {
      throw UnitsErrors.parentInvalid(
        'A unit cannot be placed under itself or one of its own units.',
      );
    }
  }
}
