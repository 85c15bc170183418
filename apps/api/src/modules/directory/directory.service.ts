import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { definedOnly } from '../../common/utils/defined-only';
import { AuditService } from '../audit/audit.service';
import { escapeLike } from '../users/users.service';
import { contactIdsServing } from './contacts-serving';
import { DirectoryErrors } from './directory.errors';
import {
  SupportContactDto,
  SupportContactListQueryDto,
  UpdateSupportContactDto,
} from './dto/support-contact.dto';
import { SupportContactEntity } from './support-contact.entity';

/** The support directory: contacts staff keep, with audited writes. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: SupportContactListQueryDto): Promise<[SupportContactEntity[], number]> {
    const qb = this.dataSource
      .getRepository(SupportContactEntity)
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC');
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.topicId) qb.andWhere(':topicId = ANY(c.topic_ids)', { topicId: query.topicId });
    if (query.unitId) {
      const ids = await contactIdsServing(this.dataSource.manager, query.unitId);
      if (ids.length === 0) return [[], 0];
      qb.andWhere('c.id IN (:...ids)', { ids });
    }
    if (query.reviewOverdue) {
      qb.andWhere(`c.review_due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    }
    if (query.search) {
      const s = `%${escapeLike(query.search.normalize('NFC'))}%`;
      qb.andWhere(
        '(unaccent(c.name) ILIKE unaccent(:s) OR c.phone ILIKE :s OR unaccent(c.address) ILIKE unaccent(:s))',
        { s },
      );
    }
    return qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  async get(id: string): Promise<SupportContactEntity> {
    const contact = await this.dataSource.manager.findOne(SupportContactEntity, { where: { id } });
    if (!contact) throw DirectoryErrors.notFound();
    return contact;
  }

  async create(actor: Actor | null, dto: SupportContactDto): Promise<SupportContactEntity> {
    return this.dataSource.transaction((manager) => this.createIn(manager, actor, dto));
  }

  /** Creates a contact inside the caller's transaction (the CSV import's). */
  async createIn(
    manager: EntityManager,
    actor: Actor | null,
    dto: SupportContactDto,
  ): Promise<SupportContactEntity> {
    await this.checkNameFree(manager, dto.name, null);
    await this.checkIds(manager, dto);
    const contact = await manager.save(
      manager.create(SupportContactEntity, {
        ...dto,
        topicIds: dto.topicIds ?? [],
        unitIds: dto.unitIds ?? [],
        sample: dto.sample ?? false,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'support_contact.create',
      entityType: 'support_contact',
      entityId: contact.id,
      after: contact,
    });
    return contact;
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateSupportContactDto,
  ): Promise<SupportContactEntity> {
    return this.dataSource.transaction((manager) => this.updateIn(manager, actor, id, dto));
  }

  async updateIn(
    manager: EntityManager,
    actor: Actor | null,
    id: string,
    dto: UpdateSupportContactDto,
  ): Promise<SupportContactEntity> {
    const contact = await manager.findOne(SupportContactEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!contact) throw DirectoryErrors.notFound();
    const before = { ...contact };
    if (dto.name && dto.name.toLowerCase() !== contact.name.toLowerCase())
      await this.checkNameFree(manager, dto.name, id);
    await this.checkIds(manager, dto);
    Object.assign(contact, definedOnly(dto));
    const saved = await manager.save(contact);
    await this.audit.record(manager, actor, {
      action: 'support_contact.update',
      entityType: 'support_contact',
      entityId: id,
      before,
      after: saved,
    });
    return saved;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOne(SupportContactEntity, { where: { id } });
      if (!contact) throw DirectoryErrors.notFound();
      await manager.softDelete(SupportContactEntity, id);
      await this.audit.record(manager, actor, {
        action: 'support_contact.delete',
        entityType: 'support_contact',
        entityId: id,
        before: contact,
      });
    });
  }

  private async checkNameFree(manager: EntityManager, name: string, id: string | null) {
    const taken = await manager
      .getRepository(SupportContactEntity)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .andWhere(id ? { id: Not(id) } : '1 = 1')
      .getExists();
    if (taken) throw DirectoryErrors.nameTaken(name);
  }

  /** Every unit and topic named exists (a unit not deleted). */
  private async checkIds(
    manager: EntityManager,
    dto: Pick<SupportContactDto, 'unitIds' | 'topicIds'>,
  ): Promise<void> {
    const units = [...new Set(dto.unitIds ?? [])];
    if (units.length > 0) {
      const found: { id: string }[] = await manager.query(
        `SELECT id FROM units WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
        [units],
      );
      const missing = units.filter((u) => !found.some((f) => f.id === u));
      if (missing.length > 0) throw DirectoryErrors.unknownIds('unitIds', missing);
    }
    const topics = [...new Set(dto.topicIds ?? [])];
    if (topics.length > 0) {
      const found: { id: string }[] = await manager.query(
        `SELECT id FROM topics WHERE id = ANY($1::uuid[])`,
        [topics],
      );
      const missing = topics.filter((t) => !found.some((f) => f.id === t));
      if (missing.length > 0) throw DirectoryErrors.unknownIds('topicIds', missing);
    }
  }
}
