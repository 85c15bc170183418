import { randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Channel,
  INITIAL_STATE,
  TIP_CODE_ALPHABET,
  TIP_CODE_LENGTH,
  TIP_LIMITS,
  TIP_PHOTO_TYPES,
  type TipDetailResponse,
  type TipEntryKind,
  type TipEntryResponse,
  type TipPhotoState,
  type TipStatus,
  type TipSummaryResponse,
  TIP_CONTENT_ROLES,
  tipNoticeReplies,
  tipPhotoFileKey,
  tipReplyReplies,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import type { Actor } from '../../common/decorators/access.decorators';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../messaging/outbox.service';
import { isWithin, servedArea, SUBTREE } from './tip-access';
import { TipCipher, TipKeyMissingError } from './tip-cipher';
import type { TipListQueryDto } from './dto/tip.dto';
import { TipsErrors } from './tips.errors';

/**
 * A photo's reference on the chat platform, sealed as JSON in its entry; the reference is
 * dropped once the API stores the photo itself (`tip_photos`).
 */
export interface TipPhoto {
  fileRef?: string;
  fileName?: string;
  mimeType?: string;
  caption?: string;
}

interface SummaryRow {
  id: string;
  code: string;
  status: TipStatus;
  submitted_at: Date;
  content_deleted_at: Date | null;
  area_id: string;
  area_name: string;
  can_read: boolean;
}

/**
 * Confidential reports: written through the bot (the `…In` methods run in the conversation's
 * transaction), listed to every staff role without their content, read and answered only by
 * the police serving their area (every read audited), sealed at rest with `TipCipher`.
 */
@Injectable()
export class TipsService implements OnModuleInit {
  private readonly logger = new Logger('Tips');
  private readonly cipherOrNull: TipCipher | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnv() private readonly env: Env,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {
    this.cipherOrNull = env.TIPS_ENCRYPTION ? new TipCipher(env.TIPS_ENCRYPTION) : null;
  }

  onModuleInit(): void {
    if (!this.cipherOrNull) {
      this.logger.warn(
        'Confidential reports ("Báo tin") are off: TIPS_ENCRYPTION_KEYS is not set (docs/configuration.md).',
      );
    }
  }

  get enabled(): boolean {
    return this.cipherOrNull !== null;
  }

  private assertEnabled(): void {
    if (!this.cipherOrNull) throw TipsErrors.notConfigured();
  }

  /** The tips' cipher; 503 `tips_not_configured` when there is no key. */
  get cipher(): TipCipher {
    if (!this.cipherOrNull) throw TipsErrors.notConfigured();
    return this.cipherOrNull;
  }

  // ---- The bot's side, inside the conversation's transaction --------------------------------

  async createDraftIn(
    manager: EntityManager,
    conversation: { id: string; channel: Channel },
  ): Promise<string> {
    this.assertEnabled();
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO tips (channel, conversation_id) VALUES ($1, $2) RETURNING id`,
      [conversation.channel, conversation.id],
    );
    return row.id;
  }

  /**
   * Adds a message or a photo; false when the report is full (TIP_LIMITS.entries). A photo on
   * Telegram or Zalo is queued for a bot instance to fetch from the platform (outbox kind
   * `fetch_file`), so that the police see it in the console.
   */
  async addEntryIn(
    manager: EntityManager,
    tipId: string,
    kind: Exclude<TipEntryKind, 'reply'>,
    content: string | TipPhoto,
  ): Promise<boolean> {
    const [{ count, channel }]: { count: number; channel: Channel }[] = await manager.query(
      `SELECT (SELECT count(*)::int FROM tip_entries WHERE tip_id = $1) AS count, channel
       FROM tips WHERE id = $1`,
      [tipId],
    );
    if (count >= TIP_LIMITS.entries) return false;
    const entryId = await this.insertEntry(manager, tipId, kind, content, null);
    if (kind === 'photo' && channel !== 'web' && mayBePhoto(content)) {
      await this.outbox.enqueue(manager, [
        { kind: 'fetch_file', channel, chatId: tipPhotoFileKey(entryId), replies: [] },
      ]);
    }
    await manager.query(`UPDATE tips SET last_added_at = $2 WHERE id = $1 AND status <> 'draft'`, [
      tipId,
      this.clock.now(),
    ]);
    await this.noticeAdditionIn(manager, tipId);
    return true;
  }

  /**
   * An addition to a sent report: its police are told at once, unless they were told of an
   * addition to it less than TIPS_ADDITION_NOTICE_WINDOW_SECONDS ago and no officer has opened
   * it since (that notice covers this one). `tips.addition_notice_at` is when they were last
   * told; opening the report clears it.
   */
  private async noticeAdditionIn(manager: EntityManager, tipId: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(
      now.getTime() - this.env.TIPS_ADDITION_NOTICE_WINDOW_SECONDS * 1000,
    );
    const due: { id: string }[] = await manager.query(
      `WITH due AS (
         UPDATE tips SET addition_notice_at = $2
         WHERE id = $1 AND status <> 'draft'
           AND (addition_notice_at IS NULL OR addition_notice_at <= $3)
         RETURNING id
       ) SELECT id FROM due`,
      [tipId, now, windowStart],
    );
    if (due.length > 0) await this.notifyPoliceIn(manager, tipId, 'addition');
  }

  /**
   * Tells the police serving a report's area that it arrived (or that more was added), on every
   * linked chat account of their active officers (TIP_CONTENT_ROLES), in each chat's language:
   * the code, the area and the console's address; never the content nor who sent it. The police
   * serving an area are the police units under the nearest unit at or above it that has one (a
   * ward's own police; the city's police where the ward has none). Returns how many.
   */
  async notifyPoliceIn(
    manager: EntityManager,
    tipId: string,
    kind: 'new' | 'addition',
  ): Promise<number> {
    const [tip]: { code: string; area_id: string; area_name: string }[] = await manager.query(
      `SELECT t.code, a.id AS area_id, a.name AS area_name
       FROM tips t JOIN units a ON a.id = t.area_unit_id WHERE t.id = $1 AND t.status <> 'draft'`,
      [tipId],
    );
    if (!tip) return 0;
    const chats: { channel: Channel; chat_id: string; locale: string | null }[] =
      await manager.query(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id, 0 AS depth FROM units WHERE id = $1
           UNION SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
         ), police AS (
           SELECT p.id, up.depth FROM units p JOIN up ON p.parent_id = up.id
           WHERE p.kind = 'police' AND p.deleted_at IS NULL
         )
         SELECT la.channel, la.chat_id, c.locale
         FROM linked_accounts la JOIN users u ON u.id = la.user_id
         LEFT JOIN LATERAL (
           SELECT state->>'locale' AS locale FROM conversations
           WHERE channel = la.channel AND chat_id = la.chat_id LIMIT 1) c ON true
         WHERE la.unit_id IN (
             SELECT id FROM police WHERE depth = (SELECT min(depth) FROM police))
           AND u.unit_id = la.unit_id AND u.is_active AND u.role = ANY($2)
         ORDER BY la.linked_at, la.id`,
        [tip.area_id, TIP_CONTENT_ROLES],
      );
    const base = this.env.PUBLIC_URL?.replace(/\/+$/, '');
    const notice = {
      kind,
      code: tip.code,
      area: tip.area_name,
      url: base ? `${base}/tips/${tipId}` : null,
    };
    await this.outbox.enqueue(
      manager,
      chats.map((chat) => ({
        kind: 'tip_notice',
        channel: chat.channel,
        chatId: chat.chat_id,
        replies: tipNoticeReplies(chat.locale === 'en' ? 'en' : INITIAL_STATE.locale, notice),
      })),
    );
    return chats.length;
  }

  async setContactIn(manager: EntityManager, tipId: string, contact: string | null) {
    const sealed = contact === null ? null : this.cipher.seal(contact, `tip:${tipId}:contact`);
    await manager.query(`UPDATE tips SET contact = $2, anonymous = $3 WHERE id = $1`, [
      tipId,
      sealed,
      contact === null,
    ]);
  }

  /** What a draft holds so far, for the summary before sending (never the content itself). */
  async draftCountsIn(manager: EntityManager, tipId: string) {
    const [row]: { texts: number; photos: number; anonymous: boolean }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE e.kind IN ('description','addition'))::int AS texts,
              count(*) FILTER (WHERE e.kind = 'photo')::int AS photos, t.anonymous
       FROM tips t LEFT JOIN tip_entries e ON e.tip_id = t.id
       WHERE t.id = $1 AND t.status = 'draft' GROUP BY t.id`,
      [tipId],
    );
    return row ?? null;
  }

  /** Sends a draft to the police of `areaId`: its reference code, or null if the draft is gone. */
  async submitIn(manager: EntityManager, tipId: string, areaId: string): Promise<string | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newTipCode();
      const rows: { code: string }[] = await manager.query(
        `WITH sent AS (
           UPDATE tips SET code = $2, status = 'new', area_unit_id = $3, submitted_at = $4
           WHERE id = $1 AND status = 'draft'
             AND NOT EXISTS (SELECT 1 FROM tips WHERE code = $2)
           RETURNING code
         ) SELECT code FROM sent`,
        [tipId, code, areaId, this.clock.now()],
      );
      if (rows.length > 0) {
        await this.notifyPoliceIn(manager, tipId, 'new');
        return rows[0].code;
      }
      const [draft] = await manager.query(`SELECT 1 FROM tips WHERE id = $1 AND status = 'draft'`, [
        tipId,
      ]);
      if (!draft) return null;
    }
    throw new Error('No free tip code after 5 draws');
  }

  async discardDraftIn(manager: EntityManager, tipId: string): Promise<void> {
    await manager.query(`DELETE FROM tips WHERE id = $1 AND status = 'draft'`, [tipId]);
  }

  /** A sent report whose content is still kept, by its code as typed. */
  async findByCodeIn(manager: EntityManager, code: string): Promise<{ id: string } | null> {
    const [row]: { id: string }[] = await manager.query(
      `SELECT id FROM tips WHERE code = $1 AND status <> 'draft' AND content_deleted_at IS NULL`,
      [code],
    );
    return row ?? null;
  }

  // ---- Staff ------------------------------------------------------------------------------

  async list(user: AuthUser, query: TipListQueryDto) {
    const manager = this.dataSource.manager;
    const root = await servedArea(manager, user);
    const params: unknown[] = [root];
    const where = [`t.status <> 'draft'`];
    if (query.status) {
      params.push(query.status);
      where.push(`t.status = $${params.length}`);
    }
    if (query.areaId) {
      params.push(query.areaId);
      where.push(`t.area_unit_id IN ${SUBTREE(`$${params.length}::uuid`)}`);
    }
    if (query.readable) where.push(`t.area_unit_id IN (SELECT id FROM served)`);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: (SummaryRow & { total: number })[] = await manager.query(
      `WITH RECURSIVE served AS (
         SELECT id FROM units WHERE id = $1::uuid
         UNION SELECT u.id FROM units u JOIN served s ON u.parent_id = s.id
       )
       SELECT t.id, t.code, t.status, t.submitted_at, t.content_deleted_at,
              a.id AS area_id, a.name AS area_name,
              t.area_unit_id IN (SELECT id FROM served) AS can_read,
              (count(*) OVER ())::int AS total
       FROM tips t JOIN units a ON a.id = t.area_unit_id
       WHERE ${where.join(' AND ')}
       ORDER BY t.submitted_at DESC, t.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map(toSummary),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * A report's content, for the police serving its area; the read is audited in the same
   * transaction, and the first one marks the report read.
   */
  async read(actor: Actor, id: string): Promise<TipDetailResponse> {
    try {
      return await this.readSealed(actor, id);
    } catch (error) {
      if (!(error instanceof TipKeyMissingError)) throw error;
      this.logger.error(error.message);
      throw TipsErrors.keyMissing(error.keyId);
    }
  }

  private async readSealed(actor: Actor, id: string): Promise<TipDetailResponse> {
    const cipher = this.cipher;
    return this.dataSource.transaction(async (manager) => {
      const tip = await this.readableTip(manager, actor.user, id);
      const entries: {
        id: string;
        kind: TipEntryKind;
        content: Buffer;
        created_at: Date;
        author_id: string | null;
        author_name: string | null;
        photo_type: string | null;
        photo_bytes: number | null;
        fetch_status: string | null;
      }[] = await manager.query(
        `SELECT e.id, e.kind, e.content, e.created_at, e.author_id, u.full_name AS author_name,
                p.mime_type AS photo_type, p.size_bytes AS photo_bytes, f.status AS fetch_status
         FROM tip_entries e LEFT JOIN users u ON u.id = e.author_id
         LEFT JOIN tip_photos p ON p.entry_id = e.id
         LEFT JOIN LATERAL (
           SELECT o.status FROM outbox o
           WHERE e.kind = 'photo' AND o.kind = 'fetch_file' AND o.chat_id = 'tip_photo:' || e.id
           ORDER BY o.created_at DESC LIMIT 1
         ) f ON true
         WHERE e.tip_id = $1 ORDER BY e.seq`,
        [id],
      );
      if (tip.status === 'new') {
        await manager.query(`UPDATE tips SET status = 'read' WHERE id = $1`, [id]);
        tip.status = 'read';
      }
      // Seen up to now: the next addition is told at once.
      await manager.query(
        `UPDATE tips SET addition_notice_at = NULL WHERE id = $1 AND addition_notice_at IS NOT NULL`,
        [id],
      );
      await this.audit.record(manager, actor, {
        action: 'tip.read',
        entityType: 'tip',
        entityId: id,
        after: { code: tip.code, entries: entries.length },
      });
      return {
        ...toSummary({ ...tip, can_read: true }),
        anonymous: tip.anonymous,
        contact: tip.contact ? cipher.open(tip.contact, `tip:${id}:contact`) : null,
        channel: tip.channel,
        canReply: tip.reachable,
        entries: entries.map((e): TipEntryResponse => {
          const plain = cipher.open(e.content, `tip_entry:${e.id}`);
          const photo = e.kind === 'photo' ? (JSON.parse(plain) as TipPhoto) : null;
          return {
            id: e.id,
            kind: e.kind,
            text: photo ? (photo.caption ?? null) : plain,
            photo: photo
              ? {
                  fileName: photo.fileName ?? null,
                  mimeType: e.photo_type ?? photo.mimeType ?? null,
                  channel: tip.channel,
                  state: photoState(e.photo_type !== null, e.fetch_status),
                  sizeBytes: e.photo_bytes,
                }
              : null,
            author: e.author_id ? { id: e.author_id, fullName: e.author_name ?? '' } : null,
            createdAt: new Date(e.created_at).toISOString(),
          };
        }),
      };
    });
  }

  /** The police answer the person: sealed as an entry, delivered through the outbox (or the web chat). */
  async reply(actor: Actor, id: string, body: string): Promise<TipEntryResponse> {
    this.assertEnabled();
    return this.dataSource.transaction(async (manager) => {
      const tip = await this.readableTip(manager, actor.user, id, true);
      if (!tip.reachable || !tip.conversation_id) throw TipsErrors.notReachable();
      const text = body.normalize('NFC').trim();
      const entryId = await this.insertEntry(manager, id, 'reply', text, actor.user.id);
      const [conversation]: { channel: Channel; chat_id: string; locale: string | null }[] =
        await manager.query(
          `SELECT channel, chat_id, state->>'locale' AS locale FROM conversations WHERE id = $1`,
          [tip.conversation_id],
        );
      const locale = conversation.locale === 'en' ? 'en' : INITIAL_STATE.locale;
      const replies = tipReplyReplies(locale, tip.code, text);
      if (conversation.channel === 'web') {
        // The web chat reads its conversation's messages itself.
        await manager.query(
          `INSERT INTO conversation_messages (conversation_id, direction, reply) VALUES ($1, 'out', $2)`,
          [tip.conversation_id, JSON.stringify(replies[0])],
        );
      } else {
        await this.outbox.enqueue(manager, [
          {
            kind: 'tip_reply',
            channel: conversation.channel,
            chatId: conversation.chat_id,
            replies,
            // The reply's text is content: sealed until a bot claims it, erased once sent.
            sealed: true,
          },
        ]);
      }
      await manager.query(`UPDATE tips SET status = 'replied' WHERE id = $1`, [id]);
      // The reply's text is content: the audit log says that a reply went, not what it said.
      await this.audit.record(manager, actor, {
        action: 'tip.reply',
        entityType: 'tip',
        entityId: id,
        before: { status: tip.status },
        after: { status: 'replied', code: tip.code },
      });
      const [user]: { full_name: string }[] = await manager.query(
        `SELECT full_name FROM users WHERE id = $1`,
        [actor.user.id],
      );
      return {
        id: entryId,
        kind: 'reply',
        text,
        photo: null,
        author: { id: actor.user.id, fullName: user?.full_name ?? '' },
        createdAt: this.clock.now().toISOString(),
      };
    });
  }

  /**
   * A sent report whose content `user` may read (404, 403 `tip_content_forbidden`, 410
   * `tip_content_deleted` otherwise): the one check of every route that shows content.
   */
  async readableTip(manager: EntityManager, user: AuthUser, id: string, lock = false) {
    const [tip]: (SummaryRow & {
      anonymous: boolean;
      contact: Buffer | null;
      channel: Channel;
      conversation_id: string | null;
      reachable: boolean;
    })[] = await manager.query(
      `SELECT t.id, t.code, t.status, t.submitted_at, t.content_deleted_at, t.anonymous,
              t.contact, t.channel, t.conversation_id, a.id AS area_id, a.name AS area_name,
              (c.id IS NOT NULL AND c.unreachable_at IS NULL) AS reachable
       FROM tips t JOIN units a ON a.id = t.area_unit_id
       LEFT JOIN conversations c ON c.id = t.conversation_id
       WHERE t.id = $1 AND t.status <> 'draft'${lock ? ' FOR UPDATE OF t' : ''}`,
      [id],
    );
    if (!tip) throw TipsErrors.notFound();
    if (!(await isWithin(manager, tip.area_id, await servedArea(manager, user))))
      throw TipsErrors.contentForbidden();
    if (tip.content_deleted_at) throw TipsErrors.contentDeleted();
    return tip;
  }

  private async insertEntry(
    manager: EntityManager,
    tipId: string,
    kind: TipEntryKind,
    content: string | TipPhoto,
    authorId: string | null,
  ): Promise<string> {
    const id = randomUUID();
    const plain = typeof content === 'string' ? content : JSON.stringify(content);
    await manager.query(
      `INSERT INTO tip_entries (id, tip_id, kind, author_id, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, tipId, kind, authorId, this.cipher.seal(plain, `tip_entry:${id}`), this.clock.now()],
    );
    return id;
  }
}

/** 10 letters drawn with node:crypto from an alphabet without look-alikes. */
export function newTipCode(): string {
  let code = '';
  for (let i = 0; i < TIP_CODE_LENGTH; i++)
    code += TIP_CODE_ALPHABET[randomInt(TIP_CODE_ALPHABET.length)];
  return code;
}

/** Worth fetching: a file whose type the platform did not give, or one the API stores. */
function mayBePhoto(content: string | TipPhoto): boolean {
  const type = typeof content === 'string' ? undefined : content.mimeType?.toLowerCase();
  return !type || (TIP_PHOTO_TYPES as readonly string[]).includes(type);
}

/** Stored; else how its fetch from the platform goes (none queued, such as on the web chat: failed). */
function photoState(stored: boolean, fetchStatus: string | null): TipPhotoState {
  if (stored) return 'stored';
  return fetchStatus === 'pending' || fetchStatus === 'sending' ? 'pending' : 'failed';
}

function toSummary(row: SummaryRow): TipSummaryResponse {
  return {
    id: row.id,
    code: row.code,
    area: { id: row.area_id, name: row.area_name },
    status: row.status,
    submittedAt: new Date(row.submitted_at).toISOString(),
    canRead: row.can_read,
    contentDeleted: row.content_deleted_at !== null,
  };
}
