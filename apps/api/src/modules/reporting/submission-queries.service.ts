import { Injectable } from '@nestjs/common';
import {
  Page,
  periodByKey,
  ReportSubmissionListQuery,
  ReportSubmissionSummaryResponse,
  Role,
  SubmissionStatus,
  submissionTimeliness,
  templateFields,
  UnitKind,
} from '@gcm/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import type { ReportActor } from './report-actor';
import { ReportTemplateVersionEntity } from './report-template.entity';
import { ReportTemplatesService } from './report-templates.service';
import { ReportingErrors } from './reporting.errors';
import { SubmissionStore } from './submission-store';

type ListQuery = ReportSubmissionListQuery & { page: number; pageSize: number };

interface ListRow {
  id: string | null;
  template_id: string;
  template_code: string;
  template_version_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: UnitKind;
  period_key: string;
  due_at: Date;
  status: SubmissionStatus;
  locked: boolean;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  version: number;
  answered_count: number;
  updated_at: Date | null;
}

/** Late: submitted after the due instant, or past it and not submitted. */
const LATE = `(coalesce(s.first_submitted_at, $now::timestamptz) > coalesce(s.due_at, $due::timestamptz))`;

/**
 * Lists of reports: the console's filtered, paginated list and, for the bot, what a unit owes
 * now. With a template and a period, every unit that owes that period is listed, those that have
 * not started as `not_started` (id null), so the office sees who has not reported.
 */
@Injectable()
export class SubmissionQueriesService {
  constructor(
    private readonly store: SubmissionStore,
    private readonly templates: ReportTemplatesService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: ReportActor,
    query: ListQuery,
    m: EntityManager = this.store.dataSource.manager,
  ): Promise<Page<ReportSubmissionSummaryResponse>> {
    const scope = actor.user.role === Role.UnitReporter ? actor.user.unitId : null;
    if (scope !== null && query.unitId && query.unitId !== scope)
      throw ReportingErrors.notYourUnit();
    const unitId = scope ?? query.unitId ?? null;
    const now = this.clock.now();
    if (query.periodKey && query.templateId) {
      return this.listPeriod(m, { ...query, unitId: unitId ?? undefined }, now);
    }
    const where: string[] = [];
    const params: Record<string, unknown> = { now, due: now };
    if (query.templateId) where.push('s.template_id = $templateId');
    if (query.periodKey) where.push('s.period_key = $periodKey');
    if (unitId) where.push('s.unit_id = $unitId');
    if (query.status === 'not_started') where.push('false');
    else if (query.status) where.push('s.status = $status');
    if (query.late !== undefined) where.push(query.late ? LATE : `NOT ${LATE}`);
    Object.assign(params, { ...query, unitId });
    const from = `FROM report_submissions s
       JOIN units u ON u.id = s.unit_id
       JOIN report_templates t ON t.id = s.template_id
       LEFT JOIN report_periods p ON p.template_id = s.template_id AND p.period_key = s.period_key
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return this.page(m, from, 's.period_key DESC, t.code, u.code', params, query, now);
  }

  /**
   * What the unit owes now, one entry per template its kind owes: the current period's report
   * (id null when not started), and any earlier report returned for correction. For the bot's
   * `/baocao`.
   */
  async owedReports(
    actor: ReportActor,
    manager: EntityManager = this.store.dataSource.manager,
  ): Promise<ReportSubmissionSummaryResponse[]> {
    const unitId = actor.user.unitId;
    if (!unitId) return [];
    const [unit]: { kind: UnitKind }[] = await manager.query(
      `SELECT kind FROM units WHERE id = $1 AND deleted_at IS NULL`,
      [unitId],
    );
    if (!unit) return [];
    const now = this.clock.now();
    const templates: { id: string }[] = await manager.query(
      `SELECT id FROM report_templates ORDER BY code`,
    );
    const owed: ReportSubmissionSummaryResponse[] = [];
    for (const { id } of templates) {
      const versions = await this.templates.versions(manager, id);
      const current = this.templates.current(versions, now);
      if (!current || !current.version.definition.owedBy.includes(unit.kind)) continue;
      const page = await this.listPeriod(
        manager,
        { templateId: id, periodKey: current.period.key, unitId, page: 1, pageSize: 1 },
        now,
      );
      owed.push(...page.items);
      const returned = await this.list(
        actor,
        { templateId: id, unitId, status: 'returned', page: 1, pageSize: 20 },
        manager,
      );
      owed.push(...returned.items.filter((s) => s.periodKey !== current.period.key));
    }
    return owed;
  }

  /** Every unit owing the period, with its report or none. */
  private async listPeriod(
    m: EntityManager,
    query: ListQuery,
    now: Date,
  ): Promise<Page<ReportSubmissionSummaryResponse>> {
    const template = await this.store.template(m, query.templateId!);
    const resolved = this.templates.resolve(
      await this.templates.versions(m, template.id),
      query.periodKey!,
    );
    if (!resolved)
      throw ReportingErrors.invalid([
        { field: 'periodKey', message: `${query.periodKey} is not a period of this template` },
      ]);
    const { version, period } = resolved;
    const where = ['u.deleted_at IS NULL', 'u.kind = ANY($kinds)'];
    if (query.unitId) where.push('u.id = $unitId');
    if (query.status === 'not_started') where.push('s.id IS NULL');
    else if (query.status) where.push('s.status = $status');
    if (query.late !== undefined) where.push(query.late ? LATE : `NOT ${LATE}`);
    const params = {
      ...query,
      now,
      due: period.dueAt,
      kinds: version.definition.owedBy,
      templateCode: template.code,
      versionId: version.id,
    };
    const from = `FROM units u
       CROSS JOIN (SELECT $templateId::uuid AS id, $templateCode::varchar AS code) t
       LEFT JOIN report_submissions s
         ON s.template_id = t.id AND s.period_key = $periodKey AND s.unit_id = u.id
       LEFT JOIN report_periods p ON p.template_id = t.id AND p.period_key = $periodKey
       WHERE ${where.join(' AND ')}`;
    return this.page(m, from, 'u.code', params, query, now);
  }

  private async page(
    m: EntityManager,
    from: string,
    orderBy: string,
    named: Record<string, unknown>,
    query: ListQuery,
    now: Date,
  ): Promise<Page<ReportSubmissionSummaryResponse>> {
    const select = `SELECT s.id, t.id AS template_id, t.code AS template_code,
        coalesce(s.template_version_id, $versionId::uuid) AS template_version_id,
        u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind,
        coalesce(s.period_key, $periodKey::varchar) AS period_key,
        coalesce(s.due_at, $due::timestamptz) AS due_at,
        coalesce(s.status, 'not_started') AS status, p.locked_at IS NOT NULL AS locked,
        s.first_submitted_at, s.submitted_at, coalesce(s.version, 0) AS version,
        coalesce(s.answered_count, 0) AS answered_count, s.updated_at
      ${from} ORDER BY ${orderBy} LIMIT $limit OFFSET $offset`;
    const params = {
      versionId: null,
      periodKey: null,
      ...named,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    };
    const [rows, [{ total }]] = await Promise.all([
      m.query(...positional(select, params)) as Promise<ListRow[]>,
      m.query(...positional(`SELECT count(*)::int AS total ${from}`, params)) as Promise<
        { total: number }[]
      >,
    ]);
    const versions = await this.store.versionsById(
      m,
      rows.map((r) => r.template_version_id),
    );
    return {
      items: rows.map((r) => toListItem(r, versions.get(r.template_version_id)!, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

/** `$name` placeholders to `$1…` and the values in order (only the names the SQL uses). */
function positional(sql: string, named: Record<string, unknown>): [string, unknown[]] {
  const names: string[] = [];
  const text = sql.replace(/\$([a-zA-Z]\w*)/g, (_match, name: string) => {
    let index = names.indexOf(name);
    if (index < 0) {
      if (!(name in named)) throw new Error(`no value for $${name}`);
      names.push(name);
      index = names.length - 1;
    }
    return `$${index + 1}`;
  });
  return [text, names.map((name) => named[name] ?? null)];
}

function toListItem(
  row: ListRow,
  version: ReportTemplateVersionEntity,
  now: Date,
): ReportSubmissionSummaryResponse {
  const definition = version.definition;
  const period = periodByKey(definition.schedule, row.period_key);
  const firstSubmittedAt = row.first_submitted_at ? new Date(row.first_submitted_at) : null;
  return {
    id: row.id,
    template: { id: row.template_id, code: row.template_code, title: definition.title },
    templateVersion: version.version,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    periodKey: row.period_key,
    periodLabel: period?.label ?? row.period_key,
    dueDate: period?.dueDate ?? '',
    status: row.status,
    locked: row.locked,
    timeliness: submissionTimeliness({ firstSubmittedAt }, new Date(row.due_at), now),
    firstSubmittedAt: firstSubmittedAt?.toISOString() ?? null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    version: row.version,
    answeredCount: row.answered_count,
    fieldCount: templateFields(definition).length,
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}
