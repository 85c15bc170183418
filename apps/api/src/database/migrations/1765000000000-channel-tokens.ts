import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chat platforms' rotating credentials, one row per channel, shared by every bot instance.
 * Zalo spends a refresh token on each renewal, so the newest pair must be kept here, not in a
 * bot's memory. `revision` makes saves a compare-and-set (see ChannelTokensService).
 */
export class ChannelTokens1765000000000 implements MigrationInterface {
  name = 'ChannelTokens1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_tokens (
        channel varchar(16) PRIMARY KEY,
        access_token text NOT NULL,
        refresh_token text,
        access_expires_at timestamptz,
        revision bigint NOT NULL CHECK (revision > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channel_tokens`);
  }
}
