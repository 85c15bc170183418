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
