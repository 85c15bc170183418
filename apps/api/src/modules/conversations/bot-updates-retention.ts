import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * How long an update is remembered to answer the platform's retries once. Telegram and Zalo
 * stop retrying within a day; Telegram may reuse update ids after a week without updates, and
 * a remembered old id would swallow a new message as a "retry".
 */
export const BOT_UPDATE_RETENTION_HOURS = 48;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Rows deleted per statement, so pruning never holds locks for long. */
const PRUNE_CHUNK = 5000;

/**
 * Deletes bot_updates older than BOT_UPDATE_RETENTION_HOURS: at start, then every hour. The
 * conversation's transcript (conversation_messages) keeps what was said; this table only
 * recognises retries. Several API instances may prune at once: a delete is harmless twice.
 */
@Injectable()
export class BotUpdatesRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Conversations');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.schedule();
    this.timer = setInterval(() => this.schedule(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes the expired rows; how many. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ deleted }]: { deleted: number }[] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM bot_updates WHERE ctid IN (
             SELECT ctid FROM bot_updates
             WHERE received_at < now() - make_interval(hours => $1) LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [BOT_UPDATE_RETENTION_HOURS, PRUNE_CHUNK],
      );
      total += deleted;
      if (deleted < PRUNE_CHUNK) return total;
    }
  }

  private schedule(): void {
    if (this.running) return;
    this.running = this.prune()
      .then((deleted) => {
        if (deleted > 0)
          this.logger.log(
            `Forgot ${deleted} chat updates older than ${BOT_UPDATE_RETENTION_HOURS} hours`,
          );
        return deleted;
      })
      .catch((error: unknown) => {
        this.logger.warn(`Pruning old chat updates failed: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
  }
}
