import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  currentPeriod,
  MAX_PERIODS_LISTED,
  nextPeriod,
  parsePeriodKey,
  periodAt,
  periodKeyFirstDay,
  ReportPeriodCounts,
  ReportPeriodListQuery,
  ReportPeriodResponse,
} from '@gcm/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import type { ReportActor } from './report-actor';
import { ReportTemplateVersionEntity } from './report-template.entity';
import { ReportTemplatesService } from './report-templates.service';
import { ReportingErrors } from './reporting.errors';

/** Most periods one list answers (a monthly template over eight years). */
export const MAX_PERIODS_PER_LIST = 100;

/**
 * A template's reporting periods, computed from its versions' schedules (each period under the
 * version that applies to it), with their lock and the count of reports by status. Locking a
 * period freezes every report of it; an administrator may unlock it again.
 */
@Injectable()
export class ReportPeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: ReportTemplatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Newest first: from the first version's period (or `from`) to the next period (or `to`). */
  async list(templateId: string, query: ReportPeriodListQuery): Promise<ReportPeriodResponse[]> {
    const m = this.dataSource.manager;
    const versions = await this.templates.versions(m, templateId);
    if (versions.length === 0) throw ReportingErrors.templateNotFound();
    const now = this.clock.now();
    const keys = this.keys(versions, now, query);
    const current = this.templates.current(versions, now)?.period.key;
    const [locks, counts, owed] = await Promise.all([
      m.query(
        `SELECT period_key, locked_at FROM report_periods WHERE template_id = $1 AND locked_at IS NOT NULL`,
        [templateId],
      ) as Promise<{ period_key: string; locked_at: Date }[]>,
      m.query(
        `SELECT period_key, status, count(*)::int AS n,
                count(*) FILTER (WHERE first_submitted_at > due_at)::int AS late
           FROM report_submissions WHERE template_id = $1 GROUP BY period_key, status`,
        [templateId],
      ) as Promise<{ period_key: string; status: string; n: number; late: number }[]>,
      this.owedByKind(),
    ]);
    const lockedAt = new Map(locks.map((l) => [l.period_key, new Date(l.locked_at)]));
    return keys.flatMap((key) => {
      const resolved = this.templates.resolve(versions, key);
      if (!resolved) return [];
      const { version, period } = resolved;
      const owedCount = version.definition.owedBy.reduce((n, k) => n + (owed.get(k) ?? 0), 0);
      const tally: ReportPeriodCounts = {
        owed: owedCount,
        notStarted: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        accepted: 0,
        late: 0,
      };
      let started = 0;
      for (const c of counts.filter((c) => c.period_key === key)) {
        tally[c.status as 'draft' | 'submitted' | 'returned' | 'accepted'] += c.n;
        tally.late += c.late;
        started += c.n;
      }
      tally.notStarted = Math.max(0, owedCount - started);
      return [
        {
          key,
          label: period.label,
          firstDay: period.firstDay,
          lastDay: period.lastDay,
          dueDate: period.dueDate,
          dueAt: period.dueAt.toISOString(),
          version: version.version,
          current: key === current,
          locked: lockedAt.has(key),
          lockedAt: lockedAt.get(key)?.toISOString() ?? null,
          counts: tally,
        },
      ];
    });
  }

  async lock(actor: ReportActor, templateId: string, periodKey: string): Promise<void> {
    await this.setLock(actor, templateId, periodKey, true);
  }

  async unlock(actor: ReportActor, templateId: string, periodKey: string): Promise<void> {
    await this.setLock(actor, templateId, periodKey, false);
  }

  private async setLock(
    actor: ReportActor,
    templateId: string,
    periodKey: string,
    locked: boolean,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const versions = await this.templates.versions(m, templateId);
      if (versions.length === 0) throw ReportingErrors.templateNotFound();
      if (!this.templates.resolve(versions, periodKey))
        throw ReportingErrors.invalid([
          { field: 'periodKey', message: `${periodKey} is not a period of this template` },
        ]);
      const now = this.clock.now();
      await m.query(
        `INSERT INTO report_periods (template_id, period_key, locked_at, locked_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (template_id, period_key) DO UPDATE SET locked_at = $3, locked_by = $4`,
        [templateId, periodKey, locked ? now : null, locked ? actor.user.id : null],
      );
      // Waits for saves under way on the period's reports: they finish before the lock holds,
      // and every later one sees it (SubmissionStore.load reads the lock after the row lock).
      await m.query(
        `SELECT id FROM report_submissions WHERE template_id = $1 AND period_key = $2 FOR UPDATE`,
        [templateId, periodKey],
      );
      await this.audit.record(m, actor, {
        action: locked ? 'report_period.lock' : 'report_period.unlock',
        entityType: 'report_period',
        entityId: templateId,
        after: { periodKey, locked },
      });
    });
  }

  /** The period keys to list, newest first (also the totals' completeness series). */
  keys(versions: ReportTemplateVersionEntity[], now: Date, query: ReportPeriodListQuery): string[] {
    const latest = versions[versions.length - 1].definition.schedule;
    if (latest.kind === 'once') return ['once'];
    const first = query.from ?? versions[0].effectiveFrom;
    const last = query.to ?? nextPeriod(latest, now)?.key ?? currentPeriod(latest, now)?.key;
    for (const [field, key] of [
      ['from', first],
      ['to', last],
    ] as const) {
      if (!key || !parsePeriodKey(key) || !periodKeyFirstDay(key))
        throw ReportingErrors.invalid([{ field, message: 'must be a period key such as 2026-H1' }]);
    }
    const keys: string[] = [];
    let period = this.templates.resolve(versions, first)?.period ?? null;
    const lastDay = periodKeyFirstDay(last!)!;
    while (period && period.firstDay <= lastDay && keys.length < MAX_PERIODS_LISTED) {
      keys.push(period.key);
      const resolved = this.templates.resolve(versions, period.key)!;
      period = periodAt(resolved.version.definition.schedule, period.endsAt);
    }
    return keys.reverse().slice(0, MAX_PERIODS_PER_LIST);
  }

  private async owedByKind(): Promise<Map<string, number>> {
    const rows: { kind: string; n: number }[] = await this.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM units WHERE deleted_at IS NULL GROUP BY kind`,
    );
    return new Map(rows.map((r) => [r.kind, r.n]));
  }
}
