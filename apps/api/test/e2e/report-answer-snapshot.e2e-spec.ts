/**
 * The bot's one-statement save (issue 11, "Speed"): an answer is written on the row the dialog
 * read earlier in the same transaction, guarded by its version. Another officer's change that
 * lands in between (simulated here by an update inside that transaction, after the read) must
 * never be overwritten with the old values: the save then goes the usual way, which keeps the
 * other change or refuses a stale answer with the current value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { ManualClock } from '../../src/common/clock/clock';
import { AppError } from '../../src/common/errors/app-error';
import { ReportSubmissionsService } from '../../src/modules/reporting/report-submissions.service';
import { createUnit, signedInAs, startTestApp, TestApp } from '../support/test-app';

const V1 = '/api/v1';

const TEMPLATE = {
  code: 'commune_quick_count',
  title: 'Số liệu nhanh của xã, phường',
  owedBy: ['commune'],
  schedule: { kind: 'quarterly', due: { day: 10, monthsAfter: 1 } },
  sections: [
    {
      key: 'main',
      title: 'Số liệu',
      fields: [
        { key: 'households', label: 'Số hộ', type: 'count', required: true },
        { key: 'people', label: 'Số người', type: 'count', required: true },
      ],
    },
  ],
  rules: [],
};

describe('saving a bot answer on the row read earlier in the transaction', () => {
  const clock = new ManualClock(new Date('2026-03-10T03:00:00Z'));
  let t: TestApp;
  let service: ReportSubmissionsService;
  let actor: Parameters<ReportSubmissionsService['getDraft']>[0];
  let submissionId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    service = t.app.get(ReportSubmissionsService);
    const ward = await createUnit(t, { kind: 'commune', code: 'WARD' });
    const admin = await signedInAs(t, 'admin');
    const reporter = await signedInAs(t, 'unit_reporter', { unitId: ward.id });
    const template = await admin.agent
      .post(`${V1}/reporting/templates`)
      .send({ definition: TEMPLATE })
      .expect(201);
    const opened = await reporter.agent
      .post(`${V1}/reporting/submissions`)
      .send({ templateId: template.body.id })
      .expect(200);
    submissionId = opened.body.id;
    actor = {
      user: { id: reporter.userId, email: reporter.email, role: 'unit_reporter', unitId: ward.id },
      ip: null,
      channel: 'telegram',
    };
  });
  afterAll(() => t?.close());

  /** Another officer's save of `field`, committed after the snapshot was read (same transaction here). */
  const otherOfficerSets = (m: EntityManager, field: string, value: number) =>
    m.query(
      `UPDATE report_submissions
          SET values = values || jsonb_build_object($2::text, $3::int),
              field_versions = field_versions || jsonb_build_object($2::text, version + 1),
              version = version + 1
        WHERE id = $1`,
      [submissionId, field, value],
    );

  it('writes the answer when nothing changed in between', async () => {
    const saved = await t.dataSource.transaction(async (m) => {
      const { snapshot } = await service.getDraft(actor, submissionId, m);
      return service.saveValues(
        actor,
        submissionId,
        { version: snapshot.row.version, values: { households: 12 } },
        m,
        { snapshot },
      );
    });
    expect(saved.values).toEqual({ households: 12 });
    const [row] = await t.dataSource.query(
      `SELECT values, version FROM report_submissions WHERE id = $1`,
      [submissionId],
    );
    expect(row.values).toEqual({ households: 12 });
    expect(row.version).toBe(saved.version);
  });

  it("keeps another officer's change to another field made after the read", async () => {
    const saved = await t.dataSource.transaction(async (m) => {
      const { snapshot } = await service.getDraft(actor, submissionId, m);
      await otherOfficerSets(m, 'people', 40);
      return service.saveValues(
        actor,
        submissionId,
        { version: snapshot.row.version, values: { households: 15 } },
        m,
        { snapshot },
      );
    });
    // Written from the row as it is now, not from the snapshot: the other answer is kept.
    expect(saved.values).toEqual({ households: 15, people: 40 });
    const [row] = await t.dataSource.query(`SELECT values FROM report_submissions WHERE id = $1`, [
      submissionId,
    ]);
    expect(row.values).toEqual({ households: 15, people: 40 });
  });

  it('refuses an answer to the field another officer changed after the read', async () => {
    const refusal = await t.dataSource
      .transaction(async (m) => {
        const { snapshot } = await service.getDraft(actor, submissionId, m);
        await otherOfficerSets(m, 'households', 20);
        return service.saveValues(
          actor,
          submissionId,
          { version: snapshot.row.version, values: { households: 16 } },
          m,
          { snapshot },
        );
      })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe(ErrorCode.ReportDraftStale);
    const [row] = await t.dataSource.query(`SELECT values FROM report_submissions WHERE id = $1`, [
      submissionId,
    ]);
    // The transaction rolled back: the last committed values stand.
    expect(row.values).toEqual({ households: 15, people: 40 });
  });
});
