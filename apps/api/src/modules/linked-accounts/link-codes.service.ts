import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Channel,
  ErrorCode,
  formatLinkCode,
  generateLinkCode,
  LINK_CODE_TTL_HOURS,
  LinkCodeResponse,
  LinkCodeStatus,
  LinkCodeSummaryResponse,
  normaliseLinkCode,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditActor, AuditService } from '../audit/audit.service';
import { LinkCodeEntity, LinkCodeFailureEntity } from './link-code.entity';
import { LinkErrors, LinkCodeRefusal, refusalMessageVi } from './linked-accounts.errors';
import { LinkChannel, LinkedAccountsService, LinkedChatAccount } from './linked-accounts.service';

/** Wrong codes one chat may type within the window before it must wait. */
export const LINK_CODE_FAILURES_PER_CHAT = 5;
/** Wrong codes all chats together may type within the window (a spread-out guessing attack). */
export const LINK_CODE_FAILURES_GLOBAL = 100;
export const LINK_CODE_FAILURE_WINDOW_MINUTES = 15;
/** Failures are kept this long, then deleted. */
const FAILURE_RETENTION_HOURS = 24;

export type RedeemOutcome =
  | {
      ok: true;
      account: LinkedChatAccount;
      /** The user's account on this channel that this one replaced, if any. */
      replaced: { chatId: string } | null;
    }
  | {
      ok: false;
      code: LinkCodeRefusal;
      /** Vietnamese, ready to show the person. */
      message: string;
      /** For `link_code_rate_limited`: when to try again. */
      retryAfterSeconds?: number;
      /** For `chat_account_already_linked`: who the chat is linked to. */
      account?: LinkedChatAccount;
    };

export interface RedeemInput {
  channel: Channel;
  chatId: string;
  /** What the person typed after /lienket: any case, spaces or dashes. */
  text: string;
  /** The name the chat platform gives the person. */
  displayName?: string;
}

/**
 * One-time link codes (issue 11, "Linking an officer's chat account"). Staff issue a code for a
 * unit's member; the officer types it to the bot; `redeem` links that chat account to the staff
 * user and unit. Codes are 8 characters without look-alikes, valid LINK_CODE_TTL_HOURS, used
 * once, revocable, stored as SHA-256 only; wrong codes are limited per chat and overall.
 */
@Injectable()
export class LinkCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: LinkedAccountsService,
    private readonly clock: Clock,
  ) {}

  /** Issues a code for `userId`, who must be an active member of the unit. */
  async issue(actor: AuditActor, unitId: string, userId: string): Promise<LinkCodeResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.accounts.requireUnit(unitId, manager);
      const [user]: { unit_id: string | null; is_active: boolean }[] = await manager.query(
        `SELECT unit_id, is_active FROM users WHERE id = $1`,
        [userId],
      );
      if (!user || !user.is_active || user.unit_id !== unitId)
        throw LinkErrors.invalid([
          {
            field: 'userId',
            message: !user
              ? 'names no user'
              : !user.is_active
                ? 'names a deactivated user'
                : 'names a user who is not a member of this unit (set the unit on the user first)',
          },
        ]);
      const code = generateLinkCode(randomBytes);
      const expiresAt = new Date(this.clock.now().getTime() + LINK_CODE_TTL_HOURS * 3600_000);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO link_codes (code_hash, unit_id, user_id, created_by, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [hashCode(code), unitId, userId, actor.user.id, expiresAt, this.clock.now()],
      );
      await this.audit.record(manager, actor, {
        action: 'link_code.issue',
        entityType: 'link_code',
        entityId: row.id,
        after: { unitId, userId, expiresAt },
      });
      return { id: row.id, code: formatLinkCode(code), expiresAt: expiresAt.toISOString() };
    });
  }

  /** The unit's codes, newest first, with their status (the codes themselves are not kept). */
  async listForUnit(unitId: string): Promise<LinkCodeSummaryResponse[]> {
    await this.accounts.requireUnit(unitId);
    const codes = await this.dataSource.manager.find(LinkCodeEntity, {
      where: { unitId },
      relations: { user: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    const now = this.clock.now();
    return codes.map((code) => ({
      id: code.id,
      user: { id: code.userId, fullName: code.user!.fullName },
      status: codeStatus(code, now),
      expiresAt: code.expiresAt.toISOString(),
      usedAt: code.usedAt?.toISOString() ?? null,
      revokedAt: code.revokedAt?.toISOString() ?? null,
      createdAt: code.createdAt.toISOString(),
    }));
  }

  /** Revokes a code not used yet; revoking it again changes nothing. */
  async revoke(actor: AuditActor, unitId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const code = await manager.findOne(LinkCodeEntity, {
        where: { id, unitId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!code) throw LinkErrors.codeNotFound();
      if (code.revokedAt || code.usedAt) return;
      await manager.update(LinkCodeEntity, { id }, { revokedAt: this.clock.now() });
      await this.audit.record(manager, actor, {
        action: 'link_code.revoke',
        entityType: 'link_code',
        entityId: id,
      });
    });
  }

  /**
   * Links the chat to the code's staff user and unit (`/lienket CODE` in the bot). Never throws
   * for a wrong code: the outcome says why, with a Vietnamese message. Wrong codes count towards
   * the limits (LINK_CODE_FAILURES_PER_CHAT per chat and LINK_CODE_FAILURES_GLOBAL overall in
   * LINK_CODE_FAILURE_WINDOW_MINUTES); past them every code is refused until the window moves on.
   * A chat already linked is refused (unlink first); a user who had another account on this
   * channel has it replaced by this one (one account per user and channel).
   *
   * Pass `manager` to run inside the caller's transaction; the failure count is written there.
   */
  async redeem(input: RedeemInput, manager?: EntityManager): Promise<RedeemOutcome> {
    const run = (m: EntityManager) => this.redeemIn(m, input);
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  private async redeemIn(manager: EntityManager, input: RedeemInput): Promise<RedeemOutcome> {
    const { channel, chatId } = input;
    const now = this.clock.now();
    if (channel === 'web') return refuse(ErrorCode.LinkCodeNotFound);
    const limited = await this.rateLimited(manager, channel, chatId, now);
    if (limited !== null) {
      return { ...refuse(ErrorCode.LinkCodeRateLimited), retryAfterSeconds: limited };
    }
    const existing = await this.accounts.findByChat(channel, chatId, manager);
    if (existing) return { ...refuse(ErrorCode.ChatAccountAlreadyLinked), account: existing };

    const code = normaliseLinkCode(input.text);
    const row = code
      ? await manager
          .createQueryBuilder(LinkCodeEntity, 'c')
          .where('c.code_hash = :hash', { hash: hashCode(code) })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    const refusal: LinkCodeRefusal | null = !row
      ? ErrorCode.LinkCodeNotFound
      : row.revokedAt
        ? ErrorCode.LinkCodeRevoked
        : row.usedAt
          ? ErrorCode.LinkCodeUsed
          : row.expiresAt.getTime() <= now.getTime()
            ? ErrorCode.LinkCodeExpired
            : null;
    if (refusal || !row) return this.fail(manager, channel, chatId, now, refusal!);

    const [user]: { unit_id: string | null; is_active: boolean }[] = await manager.query(
      `SELECT unit_id, is_active FROM users WHERE id = $1`,
      [row.userId],
    );
    if (!user?.is_active || user.unit_id !== row.unitId)
      return this.fail(manager, channel, chatId, now, ErrorCode.LinkCodeRevoked);

    // TypeORM answers a DELETE … RETURNING with [rows, count].
    const [deleted]: [{ id: string; chat_id: string }[], number] = await manager.query(
      `DELETE FROM linked_accounts WHERE user_id = $1 AND channel = $2 RETURNING id, chat_id`,
      [row.userId, channel],
    );
    const previous = deleted[0];
    // ON CONFLICT: another transaction linked this chat meanwhile; no error aborts the caller's.
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO linked_accounts (channel, chat_id, user_id, unit_id, display_name, link_code_id, linked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        channel,
        chatId,
        row.userId,
        row.unitId,
        input.displayName?.slice(0, 200) ?? null,
        row.id,
        now,
      ],
    );
    if (inserted.length === 0) return refuse(ErrorCode.ChatAccountAlreadyLinked);
    await manager.update(
      LinkCodeEntity,
      { id: row.id },
      { usedAt: now, usedChannel: channel, usedChatId: chatId },
    );
    const account = (await this.accounts.findByChat(channel, chatId, manager))!;
    await this.audit.record(
      manager,
      { user: account.user, ip: null },
      {
        action: 'linked_account.link',
        entityType: 'linked_account',
        entityId: account.id,
        before: previous ? { channel, chatId: previous.chat_id } : undefined,
        after: { channel, chatId, userId: row.userId, unitId: row.unitId, linkCodeId: row.id },
      },
    );
    return { ok: true, account, replaced: previous ? { chatId: previous.chat_id } : null };
  }

  /** Seconds to wait when a limit is reached, else null. */
  private async rateLimited(
    manager: EntityManager,
    channel: LinkChannel,
    chatId: string,
    now: Date,
  ): Promise<number | null> {
    const since = new Date(now.getTime() - LINK_CODE_FAILURE_WINDOW_MINUTES * 60_000);
    const [counts]: { chat: number; total: number; oldest: Date | null }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE channel = $1 AND chat_id = $2)::int AS chat,
              count(*)::int AS total,
              min(created_at) FILTER (WHERE channel = $1 AND chat_id = $2) AS oldest
         FROM link_code_failures WHERE created_at > $3 AND created_at <= $4`,
      [channel, chatId, since, now],
    );
    if (counts.chat < LINK_CODE_FAILURES_PER_CHAT && counts.total < LINK_CODE_FAILURES_GLOBAL)
      return null;
    const oldest =
      counts.chat >= LINK_CODE_FAILURES_PER_CHAT && counts.oldest ? counts.oldest : now;
    const freeAt = new Date(oldest).getTime() + LINK_CODE_FAILURE_WINDOW_MINUTES * 60_000;
    return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
  }

  private async fail(
    manager: EntityManager,
    channel: LinkChannel,
    chatId: string,
    now: Date,
    code: LinkCodeRefusal,
  ): Promise<RedeemOutcome> {
    await manager.insert(LinkCodeFailureEntity, { channel, chatId, createdAt: now });
    await manager.query(
      `DELETE FROM link_code_failures WHERE id IN (
         SELECT id FROM link_code_failures WHERE created_at < $1 ORDER BY id LIMIT 100)`,
      [new Date(now.getTime() - FAILURE_RETENTION_HOURS * 3600_000)],
    );
    return refuse(code);
  }
}

function refuse(code: LinkCodeRefusal): Extract<RedeemOutcome, { ok: false }> {
  return { ok: false, code, message: refusalMessageVi(code) };
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function codeStatus(code: LinkCodeEntity, now: Date): LinkCodeStatus {
  if (code.usedAt) return 'used';
  if (code.revokedAt) return 'revoked';
  return code.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}
