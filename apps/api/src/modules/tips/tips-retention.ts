import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { AuditService } from '../audit/audit.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps a report's content only TIPS_RETENTION_DAYS after it was sent: then its messages,
 * photos (the stored images of `tip_photos` with their entries, and any fetch still queued) and
 * replies, and how to reach the person, are deleted; the code, area, dates and status stay (the
 * police's records say a report existed). Drafts left for a day are deleted whole, and
 * police replies the outbox is done with lose their text (sealed or not: the outbox erases it
 * when it records the delivery; this catches what is left, such as rows given up at a claim).
 */
@Injectable()
export class TipsRetentionService {
  private readonly logger = new Logger('TipsRetention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnv() private readonly env: Env,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async runOnce(): Promise<{ contentDeleted: number; draftsDeleted: number }> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.TIPS_RETENTION_DAYS * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const expired: { id: string }[] = await manager.query(
        `SELECT id FROM tips WHERE status <> 'draft' AND content_deleted_at IS NULL
           AND submitted_at < $1 FOR UPDATE`,
        [cutoff],
      );
      const ids = expired.map((t) => t.id);
      if (ids.length > 0) {
        // Photos still to fetch are not fetched; the stored ones go with their entries.
        await manager.query(
          `DELETE FROM outbox WHERE kind = 'fetch_file' AND chat_id IN (
             SELECT 'tip_photo:' || id FROM tip_entries WHERE tip_id = ANY($1::uuid[]))`,
          [ids],
        );
        await manager.query(`DELETE FROM tip_entries WHERE tip_id = ANY($1::uuid[])`, [ids]);
        await manager.query(
          `UPDATE tips SET contact = NULL, conversation_id = NULL, content_deleted_at = $2
           WHERE id = ANY($1::uuid[])`,
          [ids, now],
        );
        await this.audit.record(manager, null, {
          action: 'tip.content_deleted',
          entityType: 'tip',
          entityId: null,
          after: { tips: ids.length, retentionDays: this.env.TIPS_RETENTION_DAYS },
        });
      }
      const drafts: { id: string }[] = await manager.query(
        `WITH gone AS (DELETE FROM tips WHERE status = 'draft' AND created_at < $1 RETURNING id)
         SELECT id FROM gone`,
        [new Date(now.getTime() - DAY_MS)],
      );
      await manager.query(
        `UPDATE outbox SET replies = '[]'::jsonb, sealed_replies = NULL
         WHERE kind = 'tip_reply' AND status IN ('sent', 'failed')
           AND (replies <> '[]'::jsonb OR sealed_replies IS NOT NULL)`,
      );
      if (ids.length > 0) this.logger.log(`Deleted the content of ${ids.length} report(s)`);
      return { contentDeleted: ids.length, draftsDeleted: drafts.length };
    });
  }
}

/** Runs the retention every TIPS_RETENTION_INTERVAL_SECONDS (0: never; tests call runOnce). */
@Injectable()
export class TipsRetentionJob extends PeriodicJob {
  constructor(
    @InjectEnv() env: Env,
    private readonly retention: TipsRetentionService,
  ) {
    super('TipsRetention', env.TIPS_RETENTION_INTERVAL_SECONDS);
  }

  protected run(): Promise<unknown> {
    return this.retention.runOnce();
  }
}
