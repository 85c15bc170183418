import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { DataSource, EntityManager } from 'typeorm';
import { definedOnly } from '../../common/utils/defined-only';
import { AuditService } from '../audit/audit.service';
import { KnowledgeErrors } from './knowledge.errors';
import { nextFaqRevision } from './knowledge-revision';
import { TopicEntity } from './topic.entity';

export interface TopicWithCount {
  topic: TopicEntity;
  publishedFaqCount: number;
}

@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TopicWithCount[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(TopicEntity)
      .createQueryBuilder('t')
      .addSelect(
        `(SELECT count(*) FROM faqs f WHERE f.topic_id = t.id AND f.status = 'published')::int`,
        'published_count',
      )
      .orderBy('t.name', 'ASC')
      .getRawAndEntities();
    return entities.map((topic, i) => ({ topic, publishedFaqCount: raw[i].published_count }));
  }

  async create(actor: Actor, name: string, nameEn: string | null): Promise<TopicEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.findByName(manager, name)) throw KnowledgeErrors.topicTaken(name);
      const topic = await manager.save(manager.create(TopicEntity, { name, nameEn }));
      await this.audit.record(manager, actor, {
        action: 'topic.create',
        entityType: 'topic',
        entityId: topic.id,
        after: topic,
      });
      return topic;
    });
  }

  async update(
    actor: Actor,
    id: string,
    changes: { name?: string; nameEn?: string | null },
  ): Promise<TopicEntity> {
    return this.dataSource.transaction(async (manager) => {
      const topic = await manager.findOne(TopicEntity, { where: { id } });
      if (!topic) throw KnowledgeErrors.topicNotFound();
      if (
        changes.name &&
        changes.name.toLowerCase() !== topic.name.toLowerCase() &&
        (await this.findByName(manager, changes.name))
      ) {
        throw KnowledgeErrors.topicTaken(changes.name);
      }
      const before = { ...topic };
      Object.assign(topic, definedOnly(changes));
      const saved = await manager.save(topic);
      // Topic names are indexed with the FAQs: make every instance reload them.
      const revision = await nextFaqRevision(manager);
      await manager.query(`UPDATE faqs SET revision = $1 WHERE topic_id = $2`, [revision, id]);
      await this.audit.record(manager, actor, {
        action: 'topic.update',
        entityType: 'topic',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  findByName(manager: EntityManager, name: string): Promise<TopicEntity | null> {
    return manager
      .createQueryBuilder(TopicEntity, 't')
      .where('lower(t.name) = lower(:name)', { name: name.normalize('NFC').trim() })
      .getOne();
  }

  /** The topic of that name, created when missing (imports). */
  async findOrCreate(
    manager: EntityManager,
    actor: Actor | null,
    name: string,
  ): Promise<TopicEntity> {
    const existing = await this.findByName(manager, name);
    if (existing) return existing;
    const topic = await manager.save(
      manager.create(TopicEntity, { name: name.normalize('NFC').trim(), nameEn: null }),
    );
    await this.audit.record(manager, actor, {
      action: 'topic.create',
      entityType: 'topic',
      entityId: topic.id,
      after: topic,
    });
    return topic;
  }
}
