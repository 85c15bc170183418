import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_REMINDER_SCHEDULE,
  dueReminderSteps,
  MAX_CATCH_UP_DAYS,
  MAX_REMINDER_OFFSET_DAYS,
  periodsDueBetween,
  ReminderSchedule,
  ReminderScheduleResponse,
  reminderMessageVi,
  validateReminderSchedule,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ReportingSettingsEntity } from './report-reminder.entity';
import { ReportTemplatesService } from './report-templates.service';
import { ReportingErrors } from './reporting.errors';

const DAY_MS = 24 * 3600_000;

export interface ReminderRunReport {
  /** Units reminded (one row in report_reminders each). */
  units: number;
  /** Outbox messages queued (one per linked chat account). */
  messages: number;
}

/**
 * Reminders before and after due dates (issue 11, "Reminders"). `runOnce` is what the interval
 * job runs: for each template and each period due around now, `dueReminderSteps` says which step
 * is due (within the sending window, 08:00–17:00 Vietnam time by default); the units that owe the
 * report, have not submitted it, and have a linked chat account get one message per account.
 *
 * Never twice for the same unit, template, period and step, however many API instances run the
 * job at once: one statement inserts the `report_reminders` rows (primary key on those four,
 * `ON CONFLICT DO NOTHING`) and queues the outbox messages for the rows it inserted only. A
 * concurrent insert of the same key waits for the other transaction and then inserts nothing.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: ReportTemplatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async schedule(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReminderScheduleResponse> {
    const row = await manager.findOne(ReportingSettingsEntity, {
      where: { id: 1 },
    });
    return {
      ...(row?.reminderSchedule ?? DEFAULT_REMINDER_SCHEDULE),
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  async setSchedule(actor: AuditActor, input: ReminderSchedule): Promise<ReminderScheduleResponse> {
    const schedule: ReminderSchedule = {
      offsetsDays: input?.offsetsDays,
      window: { start: input?.window?.start, end: input?.window?.end },
      catchUpDays: input?.catchUpDays,
    };
    const problems = validateReminderSchedule(schedule, '');
    if (problems.length > 0)
      throw ReportingErrors.invalid(
        problems.map((p) => ({
          field: p.path.replace(/^\./, '') || 'schedule',
          message: p.message,
        })),
      );
    await this.dataSource.transaction(async (m) => {
      // Read on the transaction's own connection: the embedded database has only one.
      const before = await this.schedule(m);
      await m.query(
        `INSERT INTO reporting_settings (id, reminder_schedule, updated_by, updated_at)
         VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET reminder_schedule = $1, updated_by = $2, updated_at = $3`,
        [JSON.stringify(schedule), actor.user.id, this.clock.now()],
      );
      await this.audit.record(m, actor, {
        action: 'reporting_settings.reminders',
        entityType: 'reporting_settings',
        entityId: null,
        before,
        after: schedule,
      });
    });
    return this.schedule();
  }

  /** Sends the reminders due at the clock's now; safe to run on every instance at once. */
  async runOnce(now: Date = this.clock.now()): Promise<ReminderRunReport> {
    const reminders = await this.schedule();
    const report: ReminderRunReport = { units: 0, messages: 0 };
    const templates: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report_templates ORDER BY code`,
    );
    // Due days a step may be for: the furthest offsets, plus the days a missed step is caught up.
    const from = new Date(
      now.getTime() - (MAX_REMINDER_OFFSET_DAYS + MAX_CATCH_UP_DAYS + 1) * DAY_MS,
    );
    const to = new Date(now.getTime() + (MAX_REMINDER_OFFSET_DAYS + 1) * DAY_MS);
    for (const { id } of templates) {
      const versions = await this.templates.versions(this.dataSource.manager, id);
      const latest = versions[versions.length - 1];
      if (!latest) continue;
      for (const due of periodsDueBetween(latest.definition.schedule, from, to)) {
        const resolved = this.templates.resolve(versions, due.key);
        if (!resolved || resolved.period.startsAt.getTime() > now.getTime()) continue;
        const { version, period } = resolved;
        for (const step of dueReminderSteps(reminders, period, now)) {
          const text = reminderMessageVi({
            templateTitle: version.definition.title,
            periodLabel: period.label,
            dueDate: period.dueDate,
            daysUntilDue: step.daysUntilDue,
          });
          const [sent]: { units: number; messages: number }[] = await this.dataSource.query(
            `WITH owing AS (
               SELECT u.id FROM units u
                WHERE u.deleted_at IS NULL AND u.kind = ANY($4)
                  AND NOT EXISTS (SELECT 1 FROM report_submissions s
                        WHERE s.template_id = $1 AND s.period_key = $2 AND s.unit_id = u.id
                          AND s.status IN ('submitted', 'accepted'))
                  AND NOT EXISTS (SELECT 1 FROM report_periods p
                        WHERE p.template_id = $1 AND p.period_key = $2 AND p.locked_at IS NOT NULL)
                  AND EXISTS (SELECT 1 FROM linked_accounts la JOIN users us ON us.id = la.user_id
                        WHERE la.unit_id = u.id AND us.is_active AND us.unit_id = u.id)
             ), reminded AS (
               INSERT INTO report_reminders (unit_id, template_id, period_key, step, sent_at)
               SELECT id, $1, $2, $3, $5 FROM owing
               ON CONFLICT ON CONSTRAINT report_reminders_once DO NOTHING
               RETURNING unit_id
             ), queued AS (
               INSERT INTO outbox (kind, channel, chat_id, replies)
               SELECT 'reminder', la.channel, la.chat_id, $6::jsonb
                 FROM reminded r
                 JOIN linked_accounts la ON la.unit_id = r.unit_id
                 JOIN users us ON us.id = la.user_id AND us.is_active AND us.unit_id = la.unit_id
               RETURNING id
             )
             SELECT (SELECT count(*) FROM reminded)::int AS units,
                    (SELECT count(*) FROM queued)::int AS messages`,
            [
              id,
              period.key,
              step.key,
              version.definition.owedBy,
              now,
              JSON.stringify([{ type: 'text', text: `${text}\nGõ /baocao để điền báo cáo.` }]),
            ],
          );
          report.units += sent.units;
          report.messages += sent.messages;
        }
      }
    }
    if (report.units > 0)
      this.logger.log(`Reminded ${report.units} unit(s): ${report.messages} message(s) queued`);
    return report;
  }
}
