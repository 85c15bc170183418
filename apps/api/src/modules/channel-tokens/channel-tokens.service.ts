import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, SaveChannelTokensRequest } from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ChannelTokensEntity } from './channel-tokens.entity';
import { ChannelTokensErrors } from './channel-tokens.errors';

/** A channel's first pair: stored only if there is none yet. */
const INSERT_FIRST = `
  INSERT INTO channel_tokens (channel, access_token, refresh_token, access_expires_at, revision)
  VALUES ($1, $2, $3, $4, 1)
  ON CONFLICT (channel) DO NOTHING
  RETURNING channel`;

/**
 * A renewed pair: stored only if the stored one is still the pair it was renewed from. Wrapped in
 * a SELECT because TypeORM answers a bare UPDATE … RETURNING as [rows, count], not as rows.
 */
const REPLACE = `
  WITH saved AS (
    UPDATE channel_tokens
    SET access_token = $2, refresh_token = $3, access_expires_at = $4,
        revision = revision + 1, updated_at = now()
    WHERE channel = $1 AND revision = $5
    RETURNING channel)
  SELECT channel FROM saved`;

/**
 * The bot instances' shared store of channel tokens. A Zalo refresh token works once, so the
 * newest pair must survive restarts and be the one every instance uses: saves are a
 * compare-and-set on `revision`, and a pair renewed from an older one never replaces a newer one.
 */
@Injectable()
export class ChannelTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(channel: Channel): Promise<ChannelTokensEntity> {
    const tokens = await this.dataSource.manager.findOneBy(ChannelTokensEntity, { channel });
    if (!tokens) throw ChannelTokensErrors.notFound(channel);
    return tokens;
  }

  /**
   * Stores `request`'s pair if the stored one is at `expectedRevision` (0: none stored), else 409.
   * Each path is one statement, so of two instances saving at once exactly one wins (the other
   * waits on the row, then finds the revision moved).
   */
  async save(channel: Channel, request: SaveChannelTokensRequest): Promise<ChannelTokensEntity> {
    return this.dataSource.transaction(async (manager) => {
      const values = [
        channel,
        request.accessToken,
        request.refreshToken ?? null,
        request.accessExpiresAt ?? null,
      ];
      const rows: unknown[] =
        request.expectedRevision === 0
          ? await manager.query(INSERT_FIRST, values)
          : await manager.query(REPLACE, [...values, request.expectedRevision]);
      if (rows.length === 0) {
        const stored = await storedRevision(manager, channel);
        throw ChannelTokensErrors.stale(channel, request.expectedRevision, stored);
      }
      const saved = await manager.findOneByOrFail(ChannelTokensEntity, { channel });
      // The tokens are secrets: the audit log says that they changed, never what they are.
      await this.audit.record(manager, null, {
        action: 'channel_tokens.renew',
        entityType: 'channel_tokens',
        entityId: channel,
        after: { revision: Number(saved.revision), accessExpiresAt: saved.accessExpiresAt },
      });
      return saved;
    });
  }
}

async function storedRevision(manager: EntityManager, channel: Channel): Promise<number | null> {
  const stored = await manager.findOne(ChannelTokensEntity, {
    where: { channel },
    select: { revision: true },
  });
  return stored ? Number(stored.revision) : null;
}
