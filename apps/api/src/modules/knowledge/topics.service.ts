import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { DataSource, EntityManager } from 'typeorm';
import { definedOnly } from '../../common/utils/defined-only';
import { insertInChunks } from '../../database/insert-in-chunks';
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
      const [topic] = await this.insert(manager, actor, [
        manager.create(TopicEntity, { name, nameEn }),
      ]);
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

  /**
   * The ids of the topics of these names, in order, creating the missing ones (imports) with one
   * lookup and one INSERT for them all. Names that are the same but for case (by PostgreSQL's
   * lower(), as the unique index has it) share one topic, named as the first of them is.
   */
  async idsForNames(
    manager: EntityManager,
    actor: Actor | null,
    names: string[],
  ): Promise<string[]> {
    const cleaned = names.map((name) => name.normalize('NFC').trim());
    const found: { name: string; folded: string; id: string | null }[] = await manager.query(
      `SELECT n.name, lower(n.name) AS folded, t.id
         FROM unnest($1::text[]) AS n(name) LEFT JOIN topics t ON lower(t.name) = lower(n.name)`,
      [[...new Set(cleaned)]],
    );
    const foldedOf = new Map(found.map((row) => [row.name, row.folded]));
    const idOf = new Map(found.flatMap((row) => (row.id ? [[row.folded, row.id]] : [])));
    const missing = new Map<string, TopicEntity>();
    for (const name of cleaned) {
      const folded = foldedOf.get(name)!;
      if (!idOf.has(folded) && !missing.has(folded))
        missing.set(folded, manager.create(TopicEntity, { name, nameEn: null }));
    }
    for (const topic of await this.insert(manager, actor, [...missing.values()]))
      idOf.set(foldedOf.get(topic.name)!, topic.id);
    return cleaned.map((name) => idOf.get(foldedOf.get(name)!)!);
  }

  /** Inserts new topics with their audit entries (one INSERT each for any number). */
  private async insert(
    manager: EntityManager,
    actor: Actor | null,
    topics: TopicEntity[],
  ): Promise<TopicEntity[]> {
    await insertInChunks(manager, TopicEntity, topics, { returning: true });
    await this.audit.recordMany(
      manager,
      actor,
      topics.map((topic) => ({
        action: 'topic.create',
        entityType: 'topic',
        entityId: topic.id,
        after: topic,
      })),
    );
    return topics;
  }
}
