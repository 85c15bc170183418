import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BotReply,
  Channel,
  ErrorCode,
  OutboxClaimRequest,
  OutboxItem,
  OutboxKind,
  OutboxResultRequest,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { TipCipher } from '../tips/tip-cipher';
import { OutboxEntity } from './outbox.entity';

/** Deliveries tried before a message is given up. */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_SECONDS = 2;
const MAX_BACKOFF_SECONDS = 15 * 60;
/** The advisory lock that serialises outbox claims across API instances ("outb" in ASCII). */
const OUTBOX_CLAIM_LOCK = 0x6f757462;

export interface OutboxMessage {
  kind: OutboxKind;
  channel: Channel;
  chatId: string;
  replies: BotReply[];
  broadcastId?: string;
  /** Platform messages of `replies` sent already (a webhook reply cut short): not sent again. */
  sentParts?: number;
  /** Not delivered before this (default: at once). */
  availableAt?: Date;
  /**
   * Confidential (a police reply to a report): `replies` are stored sealed with the reports' key
   * (TipCipher, associated data `outbox:<id>`), opened only for the bot instance that claims the
   * row, and erased once the row is sent or given up.
   */
  sealed?: boolean;
}

/**
 * The outbox of DESIGN.md: rows written in the transaction of their cause, claimed by bot
 * instances with FOR UPDATE SKIP LOCKED under a lease, retried with exponential back-off (or
 * after the channel's retry_after), and given up after MAX_ATTEMPTS (logged as a warning), a
 * permanent failure (the chat is then marked unreachable) or a rejection (the message alone
 * fails). A row remembers how many platform messages of it went out (`sent_parts`), so a retry
 * sends only the rest. A `sealed` message's text is encrypted at rest and erased when done.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private readonly cipher: TipCipher | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnv() env: Env,
  ) {
    this.cipher = env.TIPS_ENCRYPTION ? new TipCipher(env.TIPS_ENCRYPTION) : null;
  }

  /** Queues messages inside the caller's transaction. */
  async enqueue(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.insert(
      OutboxEntity,
      messages.map(({ sealed, ...m }) => ({
        ...m,
        broadcastId: m.broadcastId ?? null,
        ...(sealed ? this.seal(m.replies) : {}),
      })),
    );
  }

  private seal(replies: BotReply[]) {
    if (!this.cipher) throw new Error('A sealed outbox message needs TIPS_ENCRYPTION_KEYS');
    const id = randomUUID();
    const sealedReplies = this.cipher.seal(JSON.stringify(replies), `outbox:${id}`);
    return { id, replies: [], sealedReplies };
  }

  /** A claimed row's replies, opened if sealed; null when they cannot be opened. */
  private open(row: { id: string; replies: BotReply[]; sealedReplies: Uint8Array | null }) {
    if (!row.sealedReplies) return row.replies;
    try {
      if (!this.cipher) throw new Error('TIPS_ENCRYPTION_KEYS is not set');
      return JSON.parse(this.cipher.open(row.sealedReplies, `outbox:${row.id}`)) as BotReply[];
    } catch (error) {
      this.logger.error(
        `Sealed outbox message ${row.id} cannot be opened: ${(error as Error).message}`,
      );
      return null;
    }
  }

  async claim(request: OutboxClaimRequest): Promise<OutboxItem[]> {
    const rows: (OutboxItem & { attempts: number })[] = await this.dataSource.transaction(
      async (manager) => {
        // Claims take turns. The per-chat checks below cannot see a concurrent claim's rows
        // (locked and skipped, not yet committed), so two claims at once would split one chat's
        // messages between two instances. After the lock, this claim's snapshot sees the last one.
        await manager.query(`SELECT pg_advisory_xact_lock(${OUTBOX_CLAIM_LOCK})`);
        // Claimed MAX_ATTEMPTS times and never reported (the instance died while sending it, or
        // sending it kills the instance): given up rather than claimed for ever.
        const [givenUp]: [GivenUpRow[], number] = await manager.query(
          `UPDATE outbox SET status = 'failed', lease_until = NULL, claim_id = NULL,
             sealed_replies = NULL, last_error = 'No delivery report after ' || attempts || ' claims: given up.'
           WHERE status = 'sending' AND channel = ANY($1) AND lease_until < now() AND attempts >= $2
           RETURNING id, kind, channel, chat_id AS "chatId", attempts, last_error AS "lastError"`,
          [request.channels, MAX_ATTEMPTS],
        );
        for (const row of givenUp) this.warnGivenUp(row);
        return manager.query(
          `WITH picked AS (
             SELECT id FROM outbox
             WHERE status IN ('pending', 'sending') AND channel = ANY($1) AND available_at <= now()
               AND (lease_until IS NULL OR lease_until < now()) AND attempts < $4
               -- One chat's messages go through one instance at a time and in the order they were
               -- queued: none while another of the chat is being sent, none while an earlier one
               -- waits for its retry or is still 'sending' after its lease (its late report may be
               -- under way, holding the row's lock; it goes first, at the next claim).
               AND NOT EXISTS (
                 SELECT 1 FROM outbox other
                 WHERE other.channel = outbox.channel AND other.chat_id = outbox.chat_id
                   AND other.status IN ('pending', 'sending')
                   AND ((other.status = 'sending' AND other.lease_until >= now())
                     OR ((other.available_at > now() OR other.status = 'sending')
                       AND (other.created_at, other.id) < (outbox.created_at, outbox.id))))
             ORDER BY created_at, id
             LIMIT $2
             FOR UPDATE SKIP LOCKED
           ), claimed AS (
             UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1,
               lease_until = now() + make_interval(secs => $3), claim_id = gen_random_uuid()
             FROM picked WHERE o.id = picked.id
             RETURNING o.id, o.kind, o.channel, o.chat_id AS "chatId", o.replies, o.attempts,
               o.sent_parts AS "sentParts", o.claim_id AS "claimId", o.created_at,
               o.sealed_replies AS "sealedReplies"
           )
           SELECT id, kind, channel, "chatId", replies, attempts, "sentParts", "claimId",
             "sealedReplies" FROM claimed
           ORDER BY created_at, id`,
          [request.channels, request.limit, request.leaseSeconds, MAX_ATTEMPTS],
        );
      },
    );
    const items: OutboxItem[] = [];
    for (const { sealedReplies, ...row } of rows as ClaimedRow[]) {
      const replies = this.open({ ...row, sealedReplies });
      if (replies) items.push({ ...row, replies, attempts: row.attempts - 1 });
      else await this.giveUpSealed(row.id);
    }
    return items;
  }

  /** A sealed message whose key is gone: it fails, its sealed text erased. */
  private async giveUpSealed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET status = 'failed', lease_until = NULL, claim_id = NULL,
         sealed_replies = NULL, last_error = 'The sealed text could not be opened (its key is no longer in TIPS_ENCRYPTION_KEYS, or it was altered).'
       WHERE id = $1`,
      [id],
    );
  }

  /**
   * Records how a claimed delivery went. Only the latest claim of a message still being sent can
   * report it; a late report after the lease ran out still counts if nobody claimed it since.
   */
  async report(id: string, result: OutboxResultRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(OutboxEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw new AppError(ErrorCode.NotFound, 404, 'No such outbox message.');
      if (item.status !== 'sending' || item.claimId !== result.claimId) {
        throw new AppError(
          ErrorCode.Conflict,
          409,
          'This claim of the message is over (reported already, or claimed again after its lease ran out): nothing to report.',
        );
      }
      const error = result.error?.slice(0, 500) ?? null;
      // Parts that went out stay out: a report never lowers the count.
      const done = {
        leaseUntil: null,
        claimId: null,
        sentParts: Math.max(item.sentParts, result.sentParts ?? 0),
      };
      // A sealed text, and a police reply's text, are kept only while they may still go out.
      const erased = {
        sealedReplies: null,
        ...(item.kind === 'tip_reply' ? { replies: [] as BotReply[] } : {}),
      };
      if (result.outcome === 'sent') {
        await manager.update(OutboxEntity, id, {
          ...done,
          ...erased,
          status: 'sent',
          sentAt: new Date(),
        });
      } else if (
        result.outcome === 'failed' ||
        result.outcome === 'rejected' ||
        item.attempts >= MAX_ATTEMPTS
      ) {
        await manager.update(OutboxEntity, id, {
          ...done,
          ...erased,
          status: 'failed',
          lastError: error,
          unreachable: result.outcome === 'failed',
        });
        if (result.outcome === 'retry') this.warnGivenUp({ ...item, lastError: error });
        // Only the person's side (blocked, gone) makes the chat unreachable; a message the
        // platform refused as malformed fails alone.
        if (result.outcome === 'failed') await markUnreachable(manager, item.channel, item.chatId);
      } else {
        const delay = retryDelaySeconds(result.retryAfterSeconds, item.attempts);
        await manager.update(OutboxEntity, id, {
          ...done,
          status: 'pending',
          lastError: error,
          availableAt: new Date(Date.now() + delay * 1000),
        });
      }
    });
  }

  /** A message that could still have gone out had it been tried again: worth a line in the log. */
  private warnGivenUp(row: GivenUpRow): void {
    this.logger.warn(
      `${row.kind} message ${row.id} to ${row.channel} chat ${row.chatId} given up after ` +
        `${row.attempts} tries: ${row.lastError ?? 'no error given'}`,
    );
  }
}

type ClaimedRow = OutboxItem & { sealedReplies: Uint8Array | null };

type GivenUpRow = Pick<OutboxEntity, 'id' | 'kind' | 'channel' | 'chatId' | 'attempts'> & {
  lastError: string | null;
};

/**
 * The wait before a retry: what the channel asked for when it is a positive number of seconds,
 * else the back-off (a 0 or a negative wait is no wait given, not "at once").
 */
export function retryDelaySeconds(
  retryAfterSeconds: number | undefined,
  attempts: number,
  random = Math.random,
): number {
  return retryAfterSeconds !== undefined && retryAfterSeconds > 0
    ? retryAfterSeconds
    : backoffSeconds(attempts, random);
}

/** 2 s, 4 s, 8 s… up to 15 minutes, with ±20 % jitter so retries of a burst spread out. */
export function backoffSeconds(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A chat that refused a message for good (blocked, unfollowed) gets nothing more. */
async function markUnreachable(
  manager: EntityManager,
  channel: Channel,
  chatId: string,
): Promise<void> {
  await manager.query(
    `UPDATE conversations SET unreachable_at = now() WHERE channel = $1 AND chat_id = $2 AND unreachable_at IS NULL`,
    [channel, chatId],
  );
}
