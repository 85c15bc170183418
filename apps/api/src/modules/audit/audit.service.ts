import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntityType } from '@gcm/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { insertInChunks } from '../../database/insert-in-chunks';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditListQueryDto } from './dto/audit.dto';

/** Only the actions and kinds of record @gcm/domain names, so the console can name them. */
export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who did it: a signed-in user, or a staff user acting through a linked chat account. */
export type AuditActor = { user: Pick<Actor['user'], 'id' | 'email'>; ip: Actor['ip'] };

/** Fields never written to the audit log. */
const REDACTED = new Set(['passwordHash', 'tokenHash']);

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
  ) {}

  /** Records a write inside the caller's transaction, so the entry exists exactly when the change does. */
  record(manager: EntityManager, actor: AuditActor | null, record: AuditRecord): Promise<void> {
    return this.recordMany(manager, actor, [record]);
  }

  /** Records many writes by one actor (an import) with as few INSERTs as the database allows. */
  async recordMany(
    manager: EntityManager,
    actor: AuditActor | null,
    records: AuditRecord[],
  ): Promise<void> {
    await insertInChunks(
      manager,
      AuditEntryEntity,
      records.map((record) => ({
        actorId: actor?.user.id ?? null,
        actorEmail: actor?.user.email ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: snapshot(record.before),
        after: snapshot(record.after),
        ip: actor?.ip ?? null,
      })),
    );
  }

  async list(query: AuditListQueryDto): Promise<[AuditEntryEntity[], number]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.actorId) where.actorId = query.actorId;
    return this.entries.findAndCount({
      where,
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  }
}

function snapshot(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (key, v) => (REDACTED.has(key) ? undefined : v)));
}
