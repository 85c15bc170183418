import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { definedOnly } from '../../common/utils/defined-only';
import { AuditService } from '../audit/audit.service';
import { ArticleEntity } from './article.entity';
import { ArticleListQueryDto, CreateArticleDto, UpdateArticleDto } from './dto/article.dto';
import { KnowledgeErrors } from './knowledge.errors';
import { TopicEntity } from './topic.entity';

/** Articles and warnings for the portal and for broadcasts. */
@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ArticleListQueryDto, publishedOnly: boolean): Promise<[ArticleEntity[], number]> {
    const status = publishedOnly ? 'published' : query.status;
    return this.dataSource.getRepository(ArticleEntity).findAndCount({
      where: { ...(query.kind ? { kind: query.kind } : {}), ...(status ? { status } : {}) },
      order: { publishedAt: { direction: 'DESC', nulls: 'FIRST' }, updatedAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  }

  async get(id: string, publishedOnly: boolean): Promise<ArticleEntity> {
    const article = await this.dataSource.getRepository(ArticleEntity).findOne({ where: { id } });
    if (!article || (publishedOnly && article.status !== 'published'))
      throw KnowledgeErrors.articleNotFound();
    return article;
  }

  create(actor: Actor, dto: CreateArticleDto): Promise<ArticleEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.topicId && !(await manager.exists(TopicEntity, { where: { id: dto.topicId } })))
        throw KnowledgeErrors.topicNotFound();
      const status = dto.status ?? 'draft';
      const article = await manager.save(
        manager.create(ArticleEntity, {
          ...dto,
          topicId: dto.topicId ?? null,
          status,
          publishedAt: status === 'published' ? new Date() : null,
          createdBy: actor.user.id,
          updatedBy: actor.user.id,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'article.create',
        entityType: 'article',
        entityId: article.id,
        after: article,
      });
      return article;
    });
  }

  update(actor: Actor, id: string, dto: UpdateArticleDto): Promise<ArticleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const article = await manager.findOne(ArticleEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!article) throw KnowledgeErrors.articleNotFound();
      if (dto.topicId && !(await manager.exists(TopicEntity, { where: { id: dto.topicId } })))
        throw KnowledgeErrors.topicNotFound();
      const before = { ...article };
      Object.assign(article, definedOnly(dto), { updatedBy: actor.user.id });
      if (article.status === 'published' && before.status !== 'published')
        article.publishedAt = new Date();
      const saved = await manager.save(article);
      await this.audit.record(manager, actor, {
        action: 'article.update',
        entityType: 'article',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
