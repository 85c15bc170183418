import { ManualClock } from '../dist/common/clock/clock.js';
import { ReportTemplatesService } from '../dist/modules/reporting/report-templates.service.js';
import { UsersService } from '../dist/modules/users/users.service.js';
import { startBenchApp } from './harness.mjs';

/**
 * Two years of half-yearly submissions of `fields` numeric fields for every commune-kind unit,
 * for the reporting benchmarks: most accepted or submitted (some late), a few returned, drafts,
 * and about 10 % not started; the last period mostly open. One statement per period.
 */
export const FIELDS = 30;
export const PERIODS = ['2025-H1', '2025-H2', '2026-H1', '2026-H2'];
const DUES = {
  '2025-H1': '2025-07-05',
  '2025-H2': '2026-01-05',
  '2026-H1': '2026-07-05',
  '2026-H2': '2027-01-05',
};

/** `db`: a TypeORM DataSource or EntityManager; `templateId`: a template with one version. */
export async function seedSubmissions(db, templateId) {
  const values = Object.fromEntries(
    Array.from({ length: FIELDS }, (_, i) => [`field_${i + 1}`, 100 - i]),
  );
  const fieldVersions = Object.fromEntries(Object.keys(values).map((k) => [k, 1]));
  const [{ id: versionId }] = await db.query(
    `SELECT id FROM report_template_versions WHERE template_id = $1`,
    [templateId],
  );
  for (const period of PERIODS) {
    await db.query(
      `INSERT INTO report_submissions (template_id, template_version_id, unit_id, period_key, due_at,
         status, values, field_versions, version, answered_count, first_submitted_at, submitted_at)
       SELECT $1, $2, u.id, $3, ($4::date + interval '1 day' - interval '7 hours' - interval '1 ms'),
              s.status, $5::jsonb, $6::jsonb, 3, $7,
              CASE WHEN s.status = 'draft' THEN NULL ELSE $4::date - (n % 20 - 3) * interval '1 day' END,
              CASE WHEN s.status = 'draft' THEN NULL ELSE $4::date - (n % 20 - 3) * interval '1 day' END
         FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM units WHERE kind = 'commune') u
         CROSS JOIN LATERAL (SELECT CASE
              WHEN $3 = '2026-H2' AND n % 10 < 4 THEN 'draft'
              WHEN n % 10 = 0 THEN NULL WHEN n % 10 = 1 THEN 'draft' WHEN n % 10 = 2 THEN 'returned'
              WHEN n % 10 < 6 THEN 'submitted' ELSE 'accepted' END AS status) s
        WHERE s.status IS NOT NULL`,
      [
        templateId,
        versionId,
        period,
        DUES[period],
        JSON.stringify(values),
        JSON.stringify(fieldVersions),
        FIELDS,
      ],
    );
  }
  await db.query('ANALYZE');
}

/**
 * The API of startBenchApp on a clock stopped at 10/12/2026 10:00 (Hà Nội): 2026-H2 open for
 * drafts, the earlier periods past their due days.
 */
export function startReportingBench() {
  const clock = new ManualClock(new Date('2026-12-10T03:00:00Z'));
  return startBenchApp(undefined, { clock });
}

const ADMIN = { email: 'bench-admin@gcm.local', password: 'Quiet-ledger-2026' };

/**
 * What both reporting benchmarks measure against: an admin (`actor` for service calls) and the
 * half-yearly template `bench_statistics` owed by communes, one section of FIELDS required
 * counts, with `rules`, from the first of PERIODS.
 */
export async function createBenchTemplate(app, rules = []) {
  const admin = await app
    .get(UsersService)
    .create(null, { ...ADMIN, fullName: 'Bench admin', role: 'admin' });
  const actor = { user: { ...admin.user, sessionId: '' }, ip: null, channel: 'api' };
  const template = await app.get(ReportTemplatesService).create(
    actor,
    {
      code: 'bench_statistics',
      title: 'Số liệu 6 tháng (benchmark)',
      owedBy: ['commune'],
      schedule: {
        kind: 'half_yearly',
        due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
      },
      sections: [
        {
          key: 'numbers',
          title: 'Số liệu',
          fields: Array.from({ length: FIELDS }, (_, i) => ({
            key: `field_${i + 1}`,
            label: `Chỉ tiêu ${i + 1}`,
            type: 'count',
            required: true,
            unit: 'người',
          })),
        },
      ],
      rules,
    },
    PERIODS[0],
  );
  return { admin, actor, template };
}

/** The session cookie of the admin of createBenchTemplate, signed in over HTTP at `url`. */
export async function signInBenchAdmin(url) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  return login.headers.get('set-cookie').split(';')[0];
}
