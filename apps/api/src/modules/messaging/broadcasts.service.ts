import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, FieldError, Page } from '@gcm/domain';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ArticleEntity } from '../knowledge/article.entity';
import {
  BroadcastAudienceQueryDto,
  BroadcastAudienceResponse,
  BroadcastResponse,
  CreateBroadcastDto,
} from './dto/messaging.dto';

/**
 * Subscribers of the topic (parameter `topic`) or of all topics whose area (`locality`) is the
 * broadcast's, a unit below
 * it (a ward of the city) or above it (the whole city cares about one of its wards), or who chose
 * none; reachable conversations only. The web chat has no push channel. Used by the sending and
 * by the estimate before it, so that both count the same people.
 */
const audienceFromWhere = (
  topic: string,
  locality: string,
) => `FROM subscriptions s JOIN conversations c ON c.id = s.conversation_id
         WHERE s.cancelled_at IS NULL AND c.unreachable_at IS NULL AND c.channel <> 'web'
           AND (${topic}::uuid IS NULL OR s.topic_id IS NULL OR s.topic_id = ${topic})
           AND (${locality}::uuid IS NULL OR s.locality_id IS NULL OR s.locality_id IN (
             WITH RECURSIVE up AS (
               SELECT id, parent_id FROM units WHERE id = ${locality}
               UNION SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
             ), down AS (
               SELECT id FROM units WHERE id = ${locality}
               UNION SELECT u.id FROM units u JOIN down ON u.parent_id = down.id
             ) SELECT id FROM up UNION SELECT id FROM down))`;

/**
 * Sends a published article or warning to the subscribers it concerns: one outbox row per
 * reachable subscribed conversation, written in one transaction with the broadcast itself.
 */
@Injectable()
export class BroadcastsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateBroadcastDto): Promise<BroadcastResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const article = await manager.findOne(ArticleEntity, { where: { id: dto.articleId } });
      if (!article || article.status !== 'published') {
        throw new AppError(
          ErrorCode.NotFound,
          404,
          'Only a published article or warning can be broadcast.',
        );
      }
      await this.checkAudience(manager, dto);
      const [broadcast] = await manager.query(
        `INSERT INTO broadcasts (article_id, topic_id, locality_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [article.id, dto.topicId ?? null, dto.localityId ?? null, actor.user.id],
      );
      const text = `${article.kind === 'warning' ? '⚠️ ' : ''}**${article.title}**\n\n${article.body}`;
      // Each reachable subscribed conversation once (audienceFromWhere).
      await manager.query(
        `INSERT INTO outbox (kind, channel, chat_id, replies, broadcast_id)
         SELECT DISTINCT 'broadcast', c.channel, c.chat_id, $1::jsonb, $2::uuid
         ${audienceFromWhere('$3', '$4')}`,
        [
          JSON.stringify([{ type: 'text', format: 'markdown', text }]),
          broadcast.id,
          dto.topicId ?? null,
          dto.localityId ?? null,
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'broadcast.create',
        entityType: 'broadcast',
        entityId: broadcast.id,
        after: dto,
      });
      return broadcast.id as string;
    });
    return this.get(id);
  }

  /** How many conversations a broadcast to this topic and area would reach, per channel. */
  async audience(query: BroadcastAudienceQueryDto): Promise<BroadcastAudienceResponse> {
    await this.checkAudience(this.dataSource.manager, query);
    const rows: { channel: string; count: number }[] = await this.dataSource.query(
      `SELECT channel, count(*)::int AS count FROM (
         SELECT DISTINCT c.channel, c.chat_id ${audienceFromWhere('$1', '$2')}) a
       GROUP BY channel`,
      [query.topicId ?? null, query.localityId ?? null],
    );
    const byChannel = { telegram: 0, zalo: 0 };
    for (const row of rows) {
      if (row.channel === 'telegram' || row.channel === 'zalo') byChannel[row.channel] = row.count;
    }
    return { total: byChannel.telegram + byChannel.zalo, byChannel };
  }

  /** The topic and area must exist (an area not deleted), named in a way staff can act on. */
  private async checkAudience(
    manager: EntityManager,
    dto: Pick<CreateBroadcastDto, 'topicId' | 'localityId'>,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (dto.topicId) {
      const [topic] = await manager.query(`SELECT 1 FROM topics WHERE id = $1`, [dto.topicId]);
      if (!topic) {
        errors.push({
          field: 'topicId',
          message:
            'topicId names no topic: choose one from GET /knowledge/topics, or leave it out to reach every topic',
        });
      }
    }
    if (dto.localityId) {
      const [unit] = await manager.query(`SELECT deleted_at FROM units WHERE id = $1`, [
        dto.localityId,
      ]);
      if (!unit || unit.deleted_at) {
        errors.push({
          field: 'localityId',
          message: unit
            ? 'localityId names a deleted unit: choose a current one, or leave it out to reach every area'
            : 'localityId names no unit: choose one from GET /units, or leave it out to reach every area',
        });
      }
    }
    if (errors.length > 0) {
      throw AppError.validation(errors, errors.map((e) => e.message).join('; '));
    }
  }

  async get(id: string): Promise<BroadcastResponse> {
    const [row] = await this.dataSource.query(
      `SELECT ${WITH_COUNTS} FROM broadcasts b LEFT JOIN outbox o ON o.broadcast_id = b.id
       WHERE b.id = $1 GROUP BY b.id`,
      [id],
    );
    if (!row) throw new AppError(ErrorCode.NotFound, 404, 'No such broadcast.');
    return toBroadcastResponse(row);
  }

  /** Broadcasts, newest first, each with its delivery counts. */
  async list(query: PaginationQueryDto): Promise<Page<BroadcastResponse>> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${WITH_COUNTS} FROM (
           SELECT * FROM broadcasts ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2
         ) b LEFT JOIN outbox o ON o.broadcast_id = b.id
         GROUP BY b.id, b.article_id, b.topic_id, b.locality_id, b.created_at
         ORDER BY b.created_at DESC, b.id DESC`,
        [query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM broadcasts`),
    ]);
    return {
      items: rows.map(toBroadcastResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

const WITH_COUNTS = `b.id, b.article_id, b.topic_id, b.locality_id, b.created_at,
  count(o.id) FILTER (WHERE o.status = 'pending')::int AS queued,
  count(o.id) FILTER (WHERE o.status = 'sending')::int AS sending,
  count(o.id) FILTER (WHERE o.status = 'sent')::int AS sent,
  count(o.id) FILTER (WHERE o.status = 'failed' AND NOT o.unreachable)::int AS failed,
  count(o.id) FILTER (WHERE o.status = 'failed' AND o.unreachable)::int AS unreachable,
  count(o.id)::int AS total`;

interface BroadcastRow {
  id: string;
  article_id: string;
  topic_id: string | null;
  locality_id: string | null;
  created_at: Date;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  unreachable: number;
  total: number;
}

function toBroadcastResponse(row: BroadcastRow): BroadcastResponse {
  return {
    id: row.id,
    articleId: row.article_id,
    topicId: row.topic_id,
    localityId: row.locality_id,
    createdAt: new Date(row.created_at).toISOString(),
    counts: {
      queued: row.queued,
      sending: row.sending,
      sent: row.sent,
      failed: row.failed,
      unreachable: row.unreachable,
      total: row.total,
    },
  };
}
