import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createMatcher, Role, type FaqSort } from '@gcm/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { insertInChunks } from '../../database/insert-in-chunks';
import { escapeLike } from '../users/users.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DictionaryService } from './dictionary.service';
import { CreateFaqDto, FaqListQueryDto, UpdateFaqDto } from './dto/faq.dto';
import { FaqEntity } from './faq.entity';
import { FaqVersionEntity } from './faq-version.entity';
import { KnowledgeErrors } from './knowledge.errors';
import { nextFaqRevisions } from './knowledge-revision';
import { TopicEntity } from './topic.entity';

/** Fields of a FAQ that a write may set (the content an editor controls). */
export type FaqContent = Omit<UpdateFaqDto, 'reviewed'> & { reviewed?: boolean };

const CONTENT_FIELDS = [
  'key',
  'topicId',
  'question',
  'alternates',
  'answer',
  'questionEn',
  'answerEn',
  'alternatesEn',
  'tags',
  'sources',
  'status',
  'needsReview',
  'reviewDueOn',
] as const;

/** A FAQ write worked out by FaqsService.plan(), for save(). */
export interface FaqChange {
  faq: FaqEntity;
  /** The content before; null for a new FAQ. */
  before: Record<string, unknown> | null;
  /**
   * The content and version after, as the version history and audit log keep them (for a new
   * FAQ, completed by save() with the database's defaults).
   */
  after: Record<string, unknown>;
  version: number;
}

/** What a write may change: the content and the bookkeeping of plan() and save(). */
const WRITTEN_FIELDS = [
  ...CONTENT_FIELDS,
  'reviewedAt',
  'publishedAt',
  'version',
  'revision',
  'updatedBy',
] as const;

/** The FAQ list's orders (FaqListQuery.sort). */
const FAQ_ORDER: Record<FaqSort, [string, 'ASC' | 'DESC']> = {
  updated_desc: ['f.updatedAt', 'DESC'],
  updated_asc: ['f.updatedAt', 'ASC'],
  question: ['f.question', 'ASC'],
  topic: ['t.name', 'ASC'],
};

/** Roles that see drafts and archived FAQs; everyone else reads published ones only. */
const EDITORS: readonly Role[] = [Role.Admin, Role.Editor];

@Injectable()
export class FaqsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dictionary: DictionaryService,
  ) {}

  list(user: AuthUser, query: FaqListQueryDto): Promise<[FaqEntity[], number]> {
    const qb = this.dataSource
      .getRepository(FaqEntity)
      .createQueryBuilder('f')
      .leftJoinAndSelect('f.topic', 't');
    const [column, order] = FAQ_ORDER[query.sort ?? 'updated_desc'];
    qb.orderBy(column, order).addOrderBy('f.id', 'ASC');
    const status = EDITORS.includes(user.role) ? query.status : 'published';
    if (status) qb.andWhere('f.status = :status', { status });
    if (query.topicId) qb.andWhere('f.topic_id = :topicId', { topicId: query.topicId });
    if (query.needsReview !== undefined)
      qb.andWhere('f.needs_review = :nr', { nr: query.needsReview });
    if (query.reviewOverdue) {
      qb.andWhere(`f.review_due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    }
    if (query.search) return this.search(qb, query, query.search.normalize('NFC'));
    return qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  /**
   * A search, ranked by the bot's own matcher (its dictionary too: "hc" finds "hộ chiếu") over
   * the questions and other phrasings of the FAQs the other filters keep. Found: those whose
   * question, other phrasing or key contains the words (diacritics optional), and those the bot
   * would answer with or offer as a choice. Best match first: what the bot would offer, then by
   * the matcher's score, then in the order asked for.
   */
  private async search(
    qb: SelectQueryBuilder<FaqEntity>,
    query: FaqListQueryDto,
    search: string,
  ): Promise<[FaqEntity[], number]> {
    const like = `%${escapeLike(search)}%`;
    const [candidates, contains, dictionaries] = await Promise.all([
      qb.clone().getMany(),
      qb
        .clone()
        .orderBy()
        .select('f.id', 'id')
        .andWhere(
          `(unaccent(f.question) ILIKE unaccent(:like) OR unaccent(array_to_string(f.alternates, ' ')) ILIKE unaccent(:like) OR f.key ILIKE :like)`,
          { like },
        )
        .getRawMany<{ id: string }>(),
      this.dictionary.forMatcher(),
    ]);
    const matcher = createMatcher({
      faqs: candidates.map((faq) => ({
        id: faq.id,
        question: faq.question,
        alternates: faq.alternates,
        // The questions only: a search in the answers would find most of the knowledge base.
        answer: '',
        tags: faq.tags,
        questionEn: faq.questionEn ?? undefined,
        alternatesEn: faq.alternatesEn,
      })),
      ...dictionaries,
    });
    const result = matcher.match(search);
    const offered = [result.best, ...result.suggestions].flatMap((c) => (c ? [c.id] : []));
    const score = new Map(matcher.rank(search).map((r) => [r.id, r.score]));
    const found = new Set([...offered, ...contains.map((r) => r.id)]);
    const position = new Map(candidates.map((faq, i) => [faq.id, i]));
    const rest = [...found]
      .filter((id) => !offered.includes(id))
      .sort(
        (a, b) =>
          (score.get(b) ?? -1) - (score.get(a) ?? -1) || position.get(a)! - position.get(b)!,
      );
    const ordered = [...new Set(offered), ...rest];
    const byId = new Map(candidates.map((faq) => [faq.id, faq]));
    const page = ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return [page.map((id) => byId.get(id)!), ordered.length];
  }

  async get(user: AuthUser, id: string): Promise<FaqEntity> {
    const faq = await this.dataSource
      .getRepository(FaqEntity)
      .findOne({ where: { id }, relations: { topic: true } });
    if (!faq || (!EDITORS.includes(user.role) && faq.status !== 'published'))
      throw KnowledgeErrors.faqNotFound();
    return faq;
  }

  async versions(user: AuthUser, id: string): Promise<FaqVersionEntity[]> {
    await this.get(user, id);
    return this.dataSource
      .getRepository(FaqVersionEntity)
      .find({ where: { faqId: id }, order: { version: 'DESC' } });
  }

  create(actor: Actor, dto: CreateFaqDto): Promise<FaqEntity> {
    return this.dataSource.transaction((manager) => this.write(manager, actor, dto, null));
  }

  async update(actor: Actor, id: string, dto: UpdateFaqDto): Promise<FaqEntity> {
    return this.dataSource.transaction(async (manager) => {
      const faq = await manager.findOne(FaqEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!faq) throw KnowledgeErrors.faqNotFound();
      return this.write(manager, actor, dto, faq);
    });
  }

  /**
   * Creates (existing null) or changes a FAQ inside the caller's transaction: checks the
   * topic and key, bumps the version and the knowledge revision, keeps the version history
   * and the audit log. A change that changes nothing writes nothing. Used by the editor
   * endpoints; the importer, which knows its topics and keys, calls plan() and save() itself.
   */
  async write(
    manager: EntityManager,
    actor: Actor | null,
    content: FaqContent,
    existing: FaqEntity | null,
  ): Promise<FaqEntity> {
    if (
      content.topicId &&
      !(await manager.exists(TopicEntity, { where: { id: content.topicId } }))
    ) {
      throw KnowledgeErrors.topicNotFound();
    }
    if (content.key && content.key !== existing?.key) {
      if (await manager.exists(FaqEntity, { where: { key: content.key } }))
        throw KnowledgeErrors.faqKeyTaken(content.key);
    }
    const change = this.plan(manager, actor, content, existing);
    if (change) await this.save(manager, actor, [change]);
    return manager.findOneOrFail(FaqEntity, {
      where: { id: change?.faq.id ?? existing!.id },
      relations: { topic: true },
    });
  }

  /**
   * Applies a write to the FAQ in memory, without checking the topic or key: the FAQ as it will
   * be saved (`existing` itself when given), or null when the write changes nothing.
   */
  plan(
    manager: EntityManager,
    actor: Actor | null,
    content: FaqContent,
    existing: FaqEntity | null,
  ): FaqChange | null {
    const before = existing ? snapshotOf(existing) : null;
    const faq =
      existing ??
      manager.create(FaqEntity, {
        version: 0,
        needsReview: false,
        status: 'draft',
        createdBy: actor?.user.id ?? null,
      });
    for (const field of CONTENT_FIELDS) {
      if (content[field] !== undefined) Object.assign(faq, { [field]: content[field] });
    }
    const now = new Date();
    if (
      existing &&
      !content.reviewed &&
      JSON.stringify(snapshotOf(faq)) === JSON.stringify(before)
    ) {
      return null;
    }
    if (content.reviewed) Object.assign(faq, { needsReview: false, reviewedAt: now });
    if (faq.status === 'published' && before?.status !== 'published') faq.publishedAt = now;
    faq.version += 1;
    faq.updatedBy = actor?.user.id ?? null;
    return { faq, before, after: snapshotOf(faq), version: faq.version };
  }

  /**
   * Saves planned writes, in order, with a few statements for any number of them: each takes
   * the next knowledge revision, inserts (new FAQs, whose ids it sets) or updates its FAQ, and
   * adds a version and an audit entry. A FAQ changed twice is saved once, as it ended.
   */
  async save(manager: EntityManager, actor: Actor | null, changes: FaqChange[]): Promise<void> {
    if (!changes.length) return;
    const revisions = await nextFaqRevisions(manager, changes.length);
    changes.forEach((change, i) => (change.faq.revision = revisions[i]));
    const created = changes.filter((change) => !change.before);
    await insertInChunks(
      manager,
      FaqEntity,
      created.map((change) => change.faq),
      { returning: true },
    );
    // The database filled in the defaults of what the write left out (e.g. no tags: []).
    for (const change of created) change.after = snapshotOf(change.faq);
    await updateFaqs(manager, [
      ...new Set(changes.filter((change) => change.before).map((change) => change.faq)),
    ]);
    await insertInChunks(
      manager,
      FaqVersionEntity,
      changes.map((change) => ({
        faqId: change.faq.id,
        version: change.version,
        snapshot: change.after as object,
        changedBy: actor?.user.id ?? null,
        changedByEmail: actor?.user.email ?? null,
      })),
    );
    await this.audit.recordMany(
      manager,
      actor,
      changes.map((change) => ({
        action: change.before ? 'faq.update' : 'faq.create',
        entityType: 'faq',
        entityId: change.faq.id,
        before: change.before,
        after: change.after,
      })),
    );
  }
}

/**
 * Writes what a change may change (WRITTEN_FIELDS) with one UPDATE for any number of FAQs, the
 * rows passed as one JSON parameter (no parameter limit) and typed by the entity's columns.
 */
async function updateFaqs(manager: EntityManager, faqs: FaqEntity[]): Promise<void> {
  if (!faqs.length) return;
  const metadata = manager.connection.getMetadata(FaqEntity);
  const columns = WRITTEN_FIELDS.map((field) => {
    const column = metadata.findColumnWithPropertyName(field)!;
    const type = `${String(column.type)}${column.isArray ? '[]' : ''}`;
    return { field, name: column.databaseName, type };
  });
  const rows = faqs.map((faq) =>
    Object.fromEntries([
      ['id', faq.id],
      ...columns.map(({ field, name }) => [name, faq[field] ?? null]),
    ]),
  );
  await manager.query(
    `UPDATE faqs f
        SET ${columns.map(({ name }) => `${name} = v.${name}`).join(', ')},
            updated_at = CURRENT_TIMESTAMP
       FROM jsonb_to_recordset($1::jsonb)
            AS v(id uuid, ${columns.map(({ name, type }) => `${name} ${type}`).join(', ')})
      WHERE f.id = v.id`,
    [JSON.stringify(rows)],
  );
}

function snapshotOf(faq: FaqEntity): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) snapshot[field] = faq[field];
  return snapshot;
}
