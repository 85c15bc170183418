import {
  currentPeriod,
  periodByKey,
  PLAN_YEARLY_REPORT_TEMPLATE,
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
  ReportingPeriod,
  ReportTemplateDefinition,
  ReportValues,
  templateFields,
} from '@gcm/domain';
import type { EntityManager } from 'typeorm';

const DAY_MS = 24 * 3600_000;

/** The first period each seeded template applies to: the years before are history. */
const EFFECTIVE_FROM: Record<string, string> = {
  gcm_plan_yearly_report: '2024',
  police_migration_statistics: '2024-H1',
};

interface DemoSubmission {
  unit: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  /** Days before the due day it was first submitted (negative: late). */
  submittedDaysBeforeDue?: number;
  returnComment?: string;
  /** Fields answered in a draft (the first ones); all when submitted. */
  answered?: number;
}

/** A few reports of the current yearly period, in each status, for a new user to look at. */
const YEARLY: DemoSubmission[] = [
  { unit: 'TP-VHTT', status: 'accepted', submittedDaysBeforeDue: 12 },
  { unit: 'P-DUCXUAN', status: 'submitted', submittedDaysBeforeDue: 3 },
  {
    unit: 'P-SONGCAU',
    status: 'returned',
    submittedDaysBeforeDue: -2,
    returnComment:
      'Đề nghị bổ sung số lượt người tham dự từng buổi tuyên truyền và kết quả cụ thể của từng nhiệm vụ.',
  },
  { unit: 'TP-TP', status: 'draft', answered: 3 },
];

/**
 * The two templates of the city plan (seed 002, part III.3) as version 1, and reports of the
 * current periods in different states: the yearly report of a few units, and the police's
 * statistics (the previous half-year accepted, the current one a draft).
 */
export async function loadDemoReporting(
  manager: EntityManager,
  unitIds: Map<string, string>,
  now: Date,
): Promise<{ templates: number; submissions: number }> {
  let submissions = 0;
  for (const template of [PLAN_YEARLY_REPORT_TEMPLATE, POLICE_MIGRATION_STATISTICS_TEMPLATE]) {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO report_templates (code) VALUES ($1) RETURNING id`,
      [template.code],
    );
    const [version]: { id: string }[] = await manager.query(
      `INSERT INTO report_template_versions (template_id, version, effective_from, definition)
       VALUES ($1, 1, $2, $3) RETURNING id`,
      [row.id, EFFECTIVE_FROM[template.code], JSON.stringify(template)],
    );
    const current = currentPeriod(template.schedule, now)!;
    const plan: [ReportingPeriod, DemoSubmission][] =
      template === PLAN_YEARLY_REPORT_TEMPLATE
        ? YEARLY.map((s) => [current, s])
        : [
            [
              previousHalf(template, current),
              { unit: 'TP-CA', status: 'accepted', submittedDaysBeforeDue: 1 },
            ],
            [current, { unit: 'TP-CA', status: 'draft', answered: 6 }],
          ];
    for (const [period, demo] of plan) {
      if (period.startsAt.getTime() > now.getTime()) continue;
      await insertSubmission(
        manager,
        template,
        row.id,
        version.id,
        unitIds.get(demo.unit)!,
        period,
        demo,
        now,
      );
      submissions += 1;
    }
  }
  return { templates: 2, submissions };
}

function previousHalf(
  template: ReportTemplateDefinition,
  current: ReportingPeriod,
): ReportingPeriod {
  const [year, half] = current.key.split('-H').map(Number);
  return periodByKey(template.schedule, half === 2 ? `${year}-H1` : `${year - 1}-H2`)!;
}

async function insertSubmission(
  manager: EntityManager,
  template: ReportTemplateDefinition,
  templateId: string,
  versionId: string,
  unitId: string,
  period: ReportingPeriod,
  demo: DemoSubmission,
  now: Date,
): Promise<void> {
  const fields = templateFields(template);
  const all = sampleValues(template);
  const keys = fields
    .map((f) => f.key)
    .slice(0, demo.status === 'draft' ? demo.answered : undefined);
  const values: ReportValues = Object.fromEntries(keys.map((k) => [k, all[k]]));
  const fieldVersions = Object.fromEntries(keys.map((k) => [k, 1]));
  const submittedAt =
    demo.submittedDaysBeforeDue === undefined
      ? null
      : new Date(
          Math.min(
            now.getTime(),
            period.dueAt.getTime() - demo.submittedDaysBeforeDue * DAY_MS - 8 * 3600_000,
          ),
        );
  await manager.query(
    `INSERT INTO report_submissions (template_id, template_version_id, unit_id, period_key, due_at,
       status, values, field_versions, version, answered_count, first_submitted_at, submitted_at,
       return_comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)`,
    [
      templateId,
      versionId,
      unitId,
      period.key,
      period.dueAt,
      demo.status,
      JSON.stringify(values),
      JSON.stringify(fieldVersions),
      submittedAt ? 2 : 1,
      keys.length,
      submittedAt,
      demo.returnComment ?? null,
    ],
  );
}

/** Plausible answers for every field: texts in Vietnamese, counts that keep the rules. */
export function sampleValues(template: ReportTemplateDefinition): ReportValues {
  const texts: Record<string, string> = {
    tasks_carried_out:
      'Ban hành kế hoạch tuyên truyền về di cư an toàn; phối hợp tổ chức hội nghị tại các tổ dân phố.',
    results: 'Hoàn thành các nhiệm vụ được giao; người dân nắm được rủi ro của di cư trái phép.',
    difficulties: 'Kinh phí tuyên truyền còn hạn chế.',
    proposals: 'Đề nghị tổ chức tập huấn cho cán bộ cơ sở.',
    notes: 'Không có.',
  };
  return Object.fromEntries(
    templateFields(template).map((field, index) => [
      field.key,
      field.type === 'text'
        ? (texts[field.key] ?? 'Không có.')
        : field.key.includes('participants') || field.key.includes('people')
          ? 120 + index
          : field.key.includes('supported') || field.key.includes('received_back')
            ? 1
            : 3 + (index % 5),
    ]),
  );
}
