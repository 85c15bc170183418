import { Injectable } from '@nestjs/common';
import {
  CompletenessPoint,
  CompletenessRow,
  daysBetween,
  isNumericField,
  localDateOf,
  localIsoDateOf,
  parseIsoDate,
  reminderMessageVi,
  ReportPeriodRef,
  ReportTotalsQuery,
  ReportTotalsResponse,
  SendPeriodReminderResponse,
  templateFields,
  TotalsField,
  TotalsNode,
  TotalsText,
  TRACKING_STATUSES,
  TrackingCell,
  TrackingCounts,
  TrackingGroup,
  TrackingMatrixResponse,
  TrackingQuery,
  UnitKind,
} from '@gcm/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import type { ReportActor } from './report-actor';
import { ReportPeriodsService } from './report-periods.service';
import { ReportTemplatesService, ResolvedPeriod } from './report-templates.service';
import { ReportingErrors } from './reporting.errors';
import { SubmissionStore } from './submission-store';

export const DEFAULT_TRACKING_PAGE_SIZE = 500;
export const MAX_TRACKING_PAGE_SIZE = 2000;

/** A template's period, resolved to the version that applies to it. */
export interface TrackedPeriod extends ResolvedPeriod {
  template: { id: string; code: string; title: string };
}

/**
 * The matrix status of a unit's report (`s`: its row, absent when not started), in SQL: a
 * submitted report not yet reviewed is on time or late by its first submission.
 */
const STATUS_SQL = `CASE WHEN s.id IS NULL THEN 'not_started'
  WHEN s.status IN ('draft', 'returned', 'accepted') THEN s.status
  WHEN s.first_submitted_at > s.due_at THEN 'submitted_late'
  ELSE 'submitted_on_time' END`;

/** `count(*) FILTER` per status and the overdue count, as one JSON object (TrackingCounts). */
const COUNTS_SQL = `json_build_object('total', count(*), 'overdue', count(*) FILTER (WHERE overdue),
  ${TRACKING_STATUSES.map((s) => `'${s}', count(*) FILTER (WHERE status = '${s}')`).join(', ')})`;

/** Counted in the totals: the reports submitted and not returned (submitted or accepted). */
const COUNTED = `('submitted', 'accepted')`;

/**
 * The coordinating office's view of a period (issue 13): who has reported (the tracking matrix),
 * the one-click reminder to those who have not, and the totals up the unit hierarchy with the
 * completeness per unit kind. Each screen's figures come from one SQL statement: the database
 * walks the units and their reports, nothing is loaded into memory to be counted here.
 */
@Injectable()
export class ReportTrackingService {
  constructor(
    private readonly store: SubmissionStore,
    private readonly templates: ReportTemplatesService,
    private readonly periods: ReportPeriodsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs one statement of figures. PostgreSQL's JIT compiler is turned off for it: the recursive
   * CTEs' row estimates are far too high, so the planner would spend a second compiling a query
   * that runs in a fraction of that (`SET LOCAL` lasts for this read-only transaction only).
   */
  private figures<T>(sql: string, params: unknown[]): Promise<T> {
    return this.store.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL jit = off; SET LOCAL work_mem = '32MB'`);
      return m.query(sql, params) as Promise<T>;
    });
  }

  /** The template and the version that applies to the period; 404 / 400 otherwise. */
  async resolve(
    templateId: string,
    periodKey: string,
    m: EntityManager = this.store.dataSource.manager,
  ): Promise<
    TrackedPeriod & { versions: Awaited<ReturnType<ReportTemplatesService['versions']>> }
  > {
    const versions = await this.templates.versions(m, templateId);
    if (versions.length === 0) throw ReportingErrors.templateNotFound();
    const resolved = this.templates.resolve(versions, periodKey);
    if (!resolved)
      throw ReportingErrors.invalid([
        { field: 'periodKey', message: `${periodKey} is not a period of this template` },
      ]);
    const latest = versions[versions.length - 1].definition;
    return {
      ...resolved,
      versions,
      template: { id: templateId, code: latest.code, title: resolved.version.definition.title },
    };
  }

  async matrix(
    templateId: string,
    periodKey: string,
    query: TrackingQuery,
  ): Promise<TrackingMatrixResponse> {
    const { template, version, period } = await this.resolve(templateId, periodKey);
    const pageSize = Math.min(query.pageSize ?? DEFAULT_TRACKING_PAGE_SIZE, MAX_TRACKING_PAGE_SIZE);
    const page = query.page ?? 1;
    const now = this.clock.now();
    const [row]: {
      counts: TrackingCounts;
      groups: TrackingGroup[];
      rows: (Omit<TrackingCell, 'firstSubmittedAt'> & { firstSubmittedAt: string | null })[];
      total: number;
      locked: boolean | null;
      last_reminder_at: Date | null;
    }[] = await this.figures(
      `WITH RECURSIVE scope AS (
         SELECT id FROM units WHERE id = $5::uuid
         UNION ALL
         SELECT u.id FROM units u JOIN scope ON u.parent_id = scope.id WHERE u.deleted_at IS NULL
       ), base AS (
         SELECT u.id, u.code, u.name, u.kind, u.parent_id, s.id AS submission_id,
                s.first_submitted_at, coalesce(s.answered_count, 0) AS answered_count,
                ${STATUS_SQL} AS status,
                (s.first_submitted_at IS NULL AND $9::timestamptz > $10::timestamptz) AS overdue
           FROM units u
           LEFT JOIN report_submissions s
             ON s.template_id = $1 AND s.period_key = $2 AND s.unit_id = u.id
          WHERE u.deleted_at IS NULL AND u.kind = ANY($3::varchar[])
            AND ($4::varchar IS NULL OR u.kind = $4)
            AND ($5::uuid IS NULL OR (u.id <> $5 AND u.id IN (SELECT id FROM scope)))
       ), filtered AS (
         SELECT b.*, p.code AS parent_code, p.name AS parent_name, p.kind AS parent_kind
           FROM base b LEFT JOIN units p ON p.id = b.parent_id
          WHERE $6::varchar IS NULL OR b.status = $6
       ), grouped AS (
         SELECT parent_id, parent_code, parent_name, parent_kind, kind, ${COUNTS_SQL} AS counts
           FROM filtered GROUP BY parent_id, parent_code, parent_name, parent_kind, kind
       ), paged AS (
         SELECT * FROM filtered
          ORDER BY parent_name NULLS FIRST, parent_id NULLS FIRST, kind, code
          LIMIT $7 OFFSET $8
       )
       SELECT
         (SELECT ${COUNTS_SQL} FROM base) AS counts,
         (SELECT coalesce(json_agg(json_build_object(
             'parent', CASE WHEN parent_id IS NULL THEN NULL ELSE json_build_object(
               'id', parent_id, 'code', parent_code, 'name', parent_name, 'kind', parent_kind) END,
             'kind', kind, 'counts', counts)
           ORDER BY parent_name NULLS FIRST, parent_id NULLS FIRST, kind), '[]'::json)
           FROM grouped) AS groups,
         (SELECT coalesce(json_agg(json_build_object(
             'unit', json_build_object('id', id, 'code', code, 'name', name, 'kind', kind),
             'parentId', parent_id, 'status', status, 'overdue', overdue,
             'submissionId', submission_id, 'firstSubmittedAt', first_submitted_at,
             'answeredCount', answered_count)
           ORDER BY parent_name NULLS FIRST, parent_id NULLS FIRST, kind, code), '[]'::json)
           FROM paged) AS rows,
         (SELECT count(*)::int FROM filtered) AS total,
         (SELECT locked_at IS NOT NULL FROM report_periods
           WHERE template_id = $1 AND period_key = $2) AS locked,
         (SELECT max(sent_at) FROM report_period_reminders
           WHERE template_id = $1 AND period_key = $2) AS last_reminder_at`,
      [
        templateId,
        periodKey,
        version.definition.owedBy,
        query.kind ?? null,
        query.parentId ?? null,
        query.status ?? null,
        pageSize,
        (page - 1) * pageSize,
        now,
        period.dueAt,
      ],
    );
    return {
      template,
      period: periodRef(period, version.version, row.locked === true),
      counts: row.counts,
      groups: row.groups,
      rows: row.rows.map((r) => ({
        ...r,
        firstSubmittedAt: r.firstSubmittedAt ? new Date(r.firstSubmittedAt).toISOString() : null,
      })),
      total: row.total,
      page,
      pageSize,
      lastReminderAt: row.last_reminder_at ? new Date(row.last_reminder_at).toISOString() : null,
    };
  }

  /**
   * Reminds the units owing the period that have not submitted it (not started, drafts, returned
   * reports): one outbox message to each linked member. At most once per Vietnam calendar day
   * per template and period: a second call the same day is a 409 saying when it was sent.
   */
  async remind(
    actor: ReportActor,
    templateId: string,
    periodKey: string,
  ): Promise<SendPeriodReminderResponse> {
    return this.store.dataSource.transaction(async (m) => {
      const { template, version, period } = await this.resolve(templateId, periodKey, m);
      const now = this.clock.now();
      if (period.startsAt.getTime() > now.getTime())
        throw ReportingErrors.actionRefused(
          `The period ${periodKey} has not begun: there is nothing to remind the units of yet.`,
        );
      const [lock]: { locked: boolean }[] = await m.query(
        `SELECT locked_at IS NOT NULL AS locked FROM report_periods
          WHERE template_id = $1 AND period_key = $2`,
        [templateId, periodKey],
      );
      if (lock?.locked) throw ReportingErrors.periodLocked(periodKey);
      const claimed: unknown[] = await m.query(
        `INSERT INTO report_period_reminders
           (template_id, period_key, local_day, sent_at, sent_by, units, messages)
         VALUES ($1, $2, $3, $4, $5, 0, 0)
         ON CONFLICT ON CONSTRAINT report_period_reminders_once DO NOTHING
         RETURNING sent_at`,
        [templateId, periodKey, localIsoDateOf(now), now, actor.user.id],
      );
      if (claimed.length === 0) {
        const [sent]: { sent_at: Date }[] = await m.query(
          `SELECT sent_at FROM report_period_reminders
            WHERE template_id = $1 AND period_key = $2 AND local_day = $3`,
          [templateId, periodKey, localIsoDateOf(now)],
        );
        throw ReportingErrors.reminderSentToday(new Date(sent.sent_at));
      }
      const text = reminderMessageVi({
        templateTitle: template.title,
        periodLabel: period.label,
        dueDate: period.dueDate,
        daysUntilDue: daysBetween(localDateOf(now), parseIsoDate(period.dueDate)!),
      });
      const [sent]: { units: number; messages: number }[] = await m.query(
        `WITH owing AS (
           SELECT u.id FROM units u
            WHERE u.deleted_at IS NULL AND u.kind = ANY($3::varchar[])
              AND NOT EXISTS (SELECT 1 FROM report_submissions s
                    WHERE s.template_id = $1 AND s.period_key = $2 AND s.unit_id = u.id
                      AND s.status IN ${COUNTED})
              AND EXISTS (SELECT 1 FROM linked_accounts la JOIN users us ON us.id = la.user_id
                    WHERE la.unit_id = u.id AND us.is_active AND us.unit_id = u.id)
         ), queued AS (
           INSERT INTO outbox (kind, channel, chat_id, replies)
           SELECT 'reminder', la.channel, la.chat_id, $4::jsonb
             FROM owing o
             JOIN linked_accounts la ON la.unit_id = o.id
             JOIN users us ON us.id = la.user_id AND us.is_active AND us.unit_id = la.unit_id
           RETURNING id
         )
         SELECT (SELECT count(*) FROM owing)::int AS units,
                (SELECT count(*) FROM queued)::int AS messages`,
        [
          templateId,
          periodKey,
          version.definition.owedBy,
          JSON.stringify([{ type: 'text', text: `${text}\nGõ /baocao để điền báo cáo.` }]),
        ],
      );
      await m.query(
        `UPDATE report_period_reminders SET units = $4, messages = $5
          WHERE template_id = $1 AND period_key = $2 AND local_day = $3`,
        [templateId, periodKey, localIsoDateOf(now), sent.units, sent.messages],
      );
      await this.audit.record(m, actor, {
        action: 'report_period.remind',
        entityType: 'report_period',
        entityId: templateId,
        after: { periodKey, units: sent.units, messages: sent.messages },
      });
      return { units: sent.units, messages: sent.messages, sentAt: now.toISOString() };
    });
  }

  /**
   * Sums of the numeric fields up the hierarchy (each counted report adds to its unit and every
   * unit above it, by the parent chain), text answers per unit, completeness per unit kind and
   * the completeness of each of the template's periods: one SQL statement.
   */
  async totals(
    templateId: string,
    periodKey: string,
    query: ReportTotalsQuery = {},
  ): Promise<ReportTotalsResponse> {
    const { template, version, period, versions } = await this.resolve(templateId, periodKey);
    const fields = templateFields(version.definition);
    const numeric = fields.filter(isNumericField);
    const texts = fields.filter((f) => f.type === 'text');
    const now = this.clock.now();
    const keys = this.periods
      .keys(versions, now, {})
      .filter((key) => key <= periodKey)
      .reverse();
    const seriesKinds = keys.map(
      (key) => this.templates.resolve(versions, key)?.version.definition.owedBy.join(',') ?? '',
    );
    const params: unknown[] = [
      templateId,
      periodKey,
      version.definition.owedBy,
      texts.map((f) => f.key),
      keys,
      seriesKinds,
    ];
    for (const f of numeric)
      if (!/^[a-z][a-z0-9_]*$/.test(f.key)) throw new Error(`unsafe field key ${f.key}`);
    // Each report's numeric answers read once (jsonb_to_record parses the values once per row),
    // as a float8 array; a value that is not a JSON number counts as unanswered.
    const record = numeric.map((f) => `"${f.key}" jsonb`).join(', ');
    const vector = numeric.length
      ? `ARRAY[${numeric
          .map(
            (f) => `CASE WHEN jsonb_typeof(x."${f.key}") = 'number' THEN x."${f.key}"::float8 END`,
          )
          .join(', ')}]::float8[]`
      : `ARRAY[]::float8[]`;
    params.push(query.parentId ?? null, query.scope === 'top');
    const parent = `$${params.length - 1}::uuid`;
    const top = `$${params.length}::boolean`;
    const sums = `ARRAY[${numeric.map((_, i) => `sum(l.v[${i + 1}])`).join(', ')}]::float8[]`;
    const [row]: {
      nodes: {
        id: string;
        code: string;
        name: string;
        kind: UnitKind;
        parentId: string | null;
        reports: number;
        sums: (number | null)[];
        hasChildren: boolean;
      }[];
      texts: {
        id: string;
        code: string;
        name: string;
        kind: UnitKind;
        field: string;
        text: string;
      }[];
      completeness: Omit<CompletenessRow, 'missing'>[];
      series: Omit<CompletenessPoint, 'label' | 'percent'>[];
      locked: boolean | null;
    }[] = await this.figures(
      `WITH RECURSIVE owing AS (
         SELECT id, kind FROM units WHERE deleted_at IS NULL AND kind = ANY($3::varchar[])
       ), subs AS (
         SELECT s.unit_id, s.status, s.first_submitted_at, s.due_at
           FROM report_submissions s JOIN owing o ON o.id = s.unit_id
          WHERE s.template_id = $1 AND s.period_key = $2
       ), leaf AS (
         SELECT c.unit_id, ${vector} AS v
           FROM report_submissions c JOIN owing o ON o.id = c.unit_id
           ${numeric.length ? `CROSS JOIN LATERAL jsonb_to_record(c.values) AS x(${record})` : ''}
          WHERE c.template_id = $1 AND c.period_key = $2 AND c.status IN ${COUNTED}
       ), up (unit_id, ancestor_id) AS (
         SELECT unit_id, unit_id FROM leaf
         UNION ALL
         SELECT up.unit_id, u.parent_id FROM up JOIN units u ON u.id = up.ancestor_id
          WHERE u.parent_id IS NOT NULL
       ), sums AS (
         SELECT up.ancestor_id AS id, count(*)::int AS reports, ${sums} AS sums,
                bool_or(up.unit_id <> up.ancestor_id) AS has_children
           FROM up JOIN leaf l ON l.unit_id = up.unit_id
          GROUP BY up.ancestor_id
       ), per_kind AS (
         SELECT s.period_key, u.kind, count(s.first_submitted_at) AS submitted,
                count(*) FILTER (WHERE s.first_submitted_at <= s.due_at) AS on_time,
                count(*) FILTER (WHERE s.first_submitted_at > s.due_at) AS late
           FROM report_submissions s JOIN units u ON u.id = s.unit_id
          WHERE s.template_id = $1 AND s.period_key = ANY($5::text[]) AND u.deleted_at IS NULL
          GROUP BY s.period_key, u.kind
       )
       SELECT
         (SELECT coalesce(json_agg(json_build_object(
             'id', u.id, 'code', u.code, 'name', u.name, 'kind', u.kind, 'parentId', u.parent_id,
             'reports', x.reports,
             'sums', to_json(x.sums),
             'hasChildren', x.has_children)
           ORDER BY u.code), '[]'::json)
           FROM sums x JOIN units u ON u.id = x.id LEFT JOIN units pu ON pu.id = u.parent_id
          WHERE CASE WHEN ${parent} IS NOT NULL THEN u.parent_id = ${parent}
                     WHEN ${top} THEN u.parent_id IS NULL OR pu.parent_id IS NULL
                     ELSE true END) AS nodes,
         (SELECT coalesce(json_agg(json_build_object(
             'id', u.id, 'code', u.code, 'name', u.name, 'kind', u.kind, 'field', k.key,
             'text', c.values ->> k.key) ORDER BY u.code, k.ord), '[]'::json)
           FROM report_submissions c JOIN owing o ON o.id = c.unit_id
           JOIN units u ON u.id = c.unit_id
           CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS k(key, ord)
          WHERE c.template_id = $1 AND c.period_key = $2 AND c.status IN ${COUNTED}
            AND coalesce(btrim(c.values ->> k.key), '') <> '') AS texts,
         (SELECT coalesce(json_agg(json_build_object('kind', kind, 'expected', expected,
             'submitted', submitted, 'onTime', on_time, 'late', late) ORDER BY kind), '[]'::json)
           FROM (SELECT o.kind, count(*) AS expected, count(s.first_submitted_at) AS submitted,
                        count(*) FILTER (WHERE s.first_submitted_at <= s.due_at) AS on_time,
                        count(*) FILTER (WHERE s.first_submitted_at > s.due_at) AS late
                   FROM owing o LEFT JOIN subs s ON s.unit_id = o.id GROUP BY o.kind) k) AS completeness,
         (SELECT coalesce(json_agg(json_build_object('periodKey', p.key,
             'expected', (SELECT count(*) FROM units u WHERE u.deleted_at IS NULL
                           AND u.kind = ANY(string_to_array(p.kinds, ','))),
             'submitted', x.submitted, 'onTime', x.on_time, 'late', x.late) ORDER BY p.ord),
             '[]'::json)
           FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS p(key, kinds, ord)
           CROSS JOIN LATERAL (
             SELECT coalesce(sum(g.submitted), 0)::int AS submitted,
                    coalesce(sum(g.on_time), 0)::int AS on_time,
                    coalesce(sum(g.late), 0)::int AS late
               FROM per_kind g
              WHERE g.period_key = p.key AND g.kind = ANY(string_to_array(p.kinds, ','))) x) AS series,
         (SELECT locked_at IS NOT NULL FROM report_periods
           WHERE template_id = $1 AND period_key = $2) AS locked`,
      params,
    );
    const labels = new Map(fields.map((f) => [f.key, f.label]));
    return {
      template,
      period: periodRef(period, version.version, row.locked === true),
      fields: numeric.map((f): TotalsField => ({
        key: f.key,
        label: f.label,
        type: f.type,
        unit: f.unit ?? null,
      })),
      nodes: row.nodes.map((n): TotalsNode => {
        // A plain loop: Object.fromEntries here was the heaviest JavaScript of a 10,000-unit answer.
        const sums: TotalsNode['sums'] = {};
        for (let i = 0; i < numeric.length; i++) sums[numeric[i].key] = n.sums[i] ?? null;
        return {
          unit: { id: n.id, code: n.code, name: n.name, kind: n.kind },
          parentId: n.parentId,
          reports: n.reports,
          sums,
          hasChildren: n.hasChildren,
        };
      }),
      texts: row.texts.map((t): TotalsText => ({
        unit: { id: t.id, code: t.code, name: t.name, kind: t.kind },
        field: t.field,
        label: labels.get(t.field) ?? t.field,
        text: t.text,
      })),
      completeness: row.completeness.map((c) => ({
        ...c,
        missing: c.expected - c.submitted,
      })),
      series: row.series.map((p) => ({
        ...p,
        label: this.templates.resolve(versions, p.periodKey)?.period.label ?? p.periodKey,
        percent: p.expected > 0 ? Math.round((p.submitted / p.expected) * 1000) / 10 : 0,
      })),
    };
  }
}

export function periodRef(
  period: ResolvedPeriod['period'],
  version: number,
  locked: boolean,
): ReportPeriodRef {
  return {
    key: period.key,
    label: period.label,
    dueDate: period.dueDate,
    dueAt: period.dueAt.toISOString(),
    locked,
    version,
  };
}
