import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLAN_YEARLY_REPORT_TEMPLATE,
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
  ReportSubmissionResponse,
  ReportTemplateDefinition,
  templateFields,
} from '@gcm/domain';
import { createApp } from '../../src/app.factory';
import { ManualClock } from '../../src/common/clock/clock';
import { LinkCodesService } from '../../src/modules/linked-accounts/link-codes.service';
import { RemindersService } from '../../src/modules/reporting/reminders.service';
import { createUnit, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const V1 = '/api/v1';
const withoutVersion = ({ version: _version, ...definition }: ReportTemplateDefinition) =>
  definition;

/** Every field of the police template answered: 10 of each count, a note. */
function fullPoliceValues(): Record<string, unknown> {
  return Object.fromEntries(
    templateFields(POLICE_MIGRATION_STATISTICS_TEMPLATE).map((f) => [
      f.key,
      f.type === 'text' ? 'Không có' : 10,
    ]),
  );
}

/** A small template with the field types the bot reads: count, decimal, date, choice. */
const SURVEY = {
  code: 'commune_survey',
  title: 'Khảo sát nhanh của xã, phường',
  owedBy: ['commune'],
  schedule: { kind: 'quarterly', due: { day: 10, monthsAfter: 1 } },
  sections: [
    {
      key: 'main',
      title: 'Nội dung',
      fields: [
        {
          key: 'households',
          label: 'Số hộ được khảo sát',
          type: 'count',
          required: true,
          max: 5000,
        },
        {
          key: 'share',
          label: 'Tỷ lệ hộ có người đi làm ở nước ngoài',
          type: 'decimal',
          required: false,
          min: 0,
          max: 100,
        },
        { key: 'held_on', label: 'Ngày tổ chức khảo sát', type: 'date', required: false },
        {
          key: 'channel',
          label: 'Hình thức',
          type: 'single_choice',
          required: false,
          choices: [
            { value: 'meeting', label: 'Họp dân' },
            { value: 'visit', label: 'Đến từng hộ' },
          ],
        },
      ],
    },
  ],
  rules: [],
};

describe('reporting: templates, periods, submissions, review, reminders', () => {
  const clock = new ManualClock(new Date('2026-03-10T03:00:00Z')); // 10:00 in Vietnam
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  const user: Record<string, string> = {};
  const unit: Record<string, string> = {};
  let police: { id: string };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const city = await createUnit(t, { kind: 'district', code: 'TP' });
    for (const [code, kind] of [
      ['CA', 'police'],
      ['CA2', 'police'],
      ['WARD', 'commune'],
    ] as const)
      unit[code] = (await createUnit(t, { kind, code, parentId: city.id })).id;
    for (const role of ['admin', 'coordinator', 'viewer', 'editor'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    for (const [name, unitCode] of [
      ['police', 'CA'],
      ['police2', 'CA'],
      ['otherPolice', 'CA2'],
      ['ward', 'WARD'],
    ] as const) {
      const signed = await signedInAs(t, 'unit_reporter', { unitId: unit[unitCode] });
      as[name] = signed.agent;
      user[name] = signed.userId;
    }
  });
  afterAll(() => t?.close());

  const open = (agent: TestAgent, body: object) =>
    agent.post(`${V1}/reporting/submissions`).send(body);
  const save = (agent: TestAgent, id: string, version: number, values: object) =>
    agent.put(`${V1}/reporting/submissions/${id}/values`).send({ version, values });

  describe('templates', () => {
    it('are created by admins and coordinators, applying from the period open now', async () => {
      const created = await as.admin
        .post(`${V1}/reporting/templates`)
        .send({ definition: withoutVersion(POLICE_MIGRATION_STATISTICS_TEMPLATE) })
        .expect(201);
      police = created.body;
      expect(created.body).toMatchObject({
        code: 'police_migration_statistics',
        latestVersion: 1,
        effectiveFrom: '2026-H1',
        owedBy: ['police'],
        versions: [{ version: 1, effectiveFrom: '2026-H1' }],
      });
      await as.coordinator
        .post(`${V1}/reporting/templates`)
        .send({ definition: withoutVersion(PLAN_YEARLY_REPORT_TEMPLATE), effectiveFrom: '2025' })
        .expect(201);
      await as.viewer.post(`${V1}/reporting/templates`).send({ definition: SURVEY }).expect(403);
      const list = await as.viewer.get(`${V1}/reporting/templates`).expect(200);
      expect(list.body.map((x: { code: string }) => x.code)).toEqual([
        'gcm_plan_yearly_report',
        'police_migration_statistics',
      ]);
    });

    it('refuses an invalid definition naming the paths, and a code used twice', async () => {
      const bad = await as.admin
        .post(`${V1}/reporting/templates`)
        .send({ definition: { ...SURVEY, code: 'Bad Code', owedBy: [] } })
        .expect(400);
      expect(bad.body.code).toBe('validation_failed');
      const fields = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['definition.code', 'definition.owedBy']));
      const taken = await as.admin
        .post(`${V1}/reporting/templates`)
        .send({ definition: withoutVersion(POLICE_MIGRATION_STATISTICS_TEMPLATE) })
        .expect(409);
      expect(taken.body.code).toBe('report_template_code_taken');
    });

    it('previews the fields as the bot asks them, saved or not', async () => {
      const preview = await as.viewer
        .get(`${V1}/reporting/templates/${police.id}/preview`)
        .expect(200);
      const first = preview.body.sections[0].prompts[0];
      expect(first).toMatchObject({ key: 'labour_departed', type: 'count', required: true });
      expect(first.hint).toMatch(/số nguyên/);
      expect(first.text).toContain(first.label);
      const draft = await as.admin
        .post(`${V1}/reporting/templates/preview`)
        .send({ definition: SURVEY })
        .expect(200);
      const choice = draft.body.sections[0].prompts[3];
      expect(choice.options).toEqual([
        { number: 1, value: 'meeting', label: 'Họp dân' },
        { number: 2, value: 'visit', label: 'Đến từng hộ' },
      ]);
      expect(choice.text).toContain('1. Họp dân');
    });
  });

  describe('bad input keeps the draft', () => {
    it('names the field of letters in a number, a negative count, a wrong date, a value out of range', async () => {
      const survey = (
        await as.admin.post(`${V1}/reporting/templates`).send({ definition: SURVEY }).expect(201)
      ).body;
      const draft = (await open(as.ward, { templateId: survey.id }).expect(200)).body;
      expect(draft).toMatchObject({ periodKey: '2026-Q1', status: 'draft', version: 0 });
      const saved = (await save(as.ward, draft.id, 0, { households: 120 }).expect(200)).body;
      expect(saved).toMatchObject({ version: 1, values: { households: 120 }, answeredCount: 1 });

      for (const [values, field] of [
        [{ households: 'mười hai' }, 'values.households'],
        [{ households: -3 }, 'values.households'],
        [{ households: 6000 }, 'values.households'],
        [{ held_on: '05/07/2026' }, 'values.held_on'],
        [{ share: 120 }, 'values.share'],
        [{ channel: 'radio' }, 'values.channel'],
        [{ nonsense: 1 }, 'values.nonsense'],
      ] as const) {
        const refused = await save(as.ward, draft.id, 1, { share: 12.5, ...values }).expect(400);
        expect(refused.body.code).toBe('validation_failed');
        expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
        expect(refused.body.message).toContain(field);
      }
      const after = (await as.ward.get(`${V1}/reporting/submissions/${draft.id}`).expect(200)).body;
      expect(after).toMatchObject({ version: 1, values: { households: 120 } });
      await save(as.ward, draft.id, 1, { held_on: '2026-03-05', channel: 'visit' }).expect(200);
    });
  });

  describe('versions and periods', () => {
    let h1: ReportSubmissionResponse;

    it('an edit applies from the next period; a submission keeps its version', async () => {
      h1 = (await open(as.police, { templateId: police.id }).expect(200)).body;
      expect(h1).toMatchObject({ periodKey: '2026-H1', templateVersion: 1, dueDate: '2026-07-05' });

      clock.set('2026-03-20T03:00:00Z');
      const edited = withoutVersion(POLICE_MIGRATION_STATISTICS_TEMPLATE);
      edited.title = 'Số liệu di cư 6 tháng (mẫu 2)';
      const updated = await as.admin
        .put(`${V1}/reporting/templates/${police.id}`)
        .send({ definition: edited })
        .expect(200);
      expect(updated.body).toMatchObject({ latestVersion: 2, effectiveFrom: '2026-H2' });
      await as.admin
        .put(`${V1}/reporting/templates/${police.id}`)
        .send({ definition: { ...edited, code: 'other_code' } })
        .expect(400);

      const again = (await as.police.get(`${V1}/reporting/submissions/${h1.id}`).expect(200)).body;
      expect(again).toMatchObject({ templateVersion: 1 });
      expect(again.definition.title).toBe(POLICE_MIGRATION_STATISTICS_TEMPLATE.title);

      clock.set('2026-07-10T03:00:00Z');
      const h2 = (await open(as.police, { templateId: police.id }).expect(200)).body;
      expect(h2).toMatchObject({ periodKey: '2026-H2', templateVersion: 2 });
      expect(h2.template.title).toBe('Số liệu di cư 6 tháng (mẫu 2)');
      const otherH1 = (
        await open(as.otherPolice, { templateId: police.id, periodKey: '2026-H1' }).expect(200)
      ).body;
      expect(otherH1).toMatchObject({ templateVersion: 1, timeliness: 'overdue' });

      const periods = (
        await as.viewer.get(`${V1}/reporting/templates/${police.id}/periods`).expect(200)
      ).body;
      expect(periods.map((p: { key: string; version: number }) => [p.key, p.version])).toEqual([
        ['2027-H1', 2],
        ['2026-H2', 2],
        ['2026-H1', 1],
      ]);
      expect(periods[1]).toMatchObject({ current: true, dueDate: '2027-01-05' });
      expect(periods[2].counts).toMatchObject({ owed: 2, draft: 2, notStarted: 0 });
    });

    it('refuses a period that has not begun, a unit that does not owe it, and a wrong key', async () => {
      expect(
        (await open(as.police, { templateId: police.id, periodKey: '2027-H1' }).expect(409)).body
          .code,
      ).toBe('report_not_owed');
      expect((await open(as.ward, { templateId: police.id }).expect(409)).body.code).toBe(
        'report_not_owed',
      );
      const wrong = await open(as.police, { templateId: police.id, periodKey: '2026' }).expect(400);
      expect(wrong.body.details[0].field).toBe('periodKey');
    });

    it('judges lateness by the first submission, in Vietnam time', async () => {
      const values = fullPoliceValues();
      const late = await as.police
        .post(`${V1}/reporting/submissions/${h1.id}/submit`)
        .send({ version: h1.version, values })
        .expect(200);
      expect(late.body).toMatchObject({ status: 'submitted', timeliness: 'late' });
      const lateList = await as.viewer
        .get(`${V1}/reporting/submissions`)
        .query({ templateId: police.id, periodKey: '2026-H1', late: true })
        .expect(200);
      expect(
        lateList.body.items.map((s: { unit: { code: string }; timeliness: string }) => [
          s.unit.code,
          s.timeliness,
        ]),
      ).toEqual([
        ['CA', 'late'],
        ['CA2', 'overdue'],
      ]);
      const submitted = await as.viewer
        .get(`${V1}/reporting/submissions`)
        .query({ templateId: police.id, periodKey: '2026-H2', status: 'not_started' })
        .expect(200);
      expect(submitted.body.items.map((s: { id: string | null }) => s.id)).toEqual([null]);
    });
  });

  describe('drafts edited by two members', () => {
    it('never silently overwrites: a stale answer is refused with the current value', async () => {
      const draft = (await open(as.police, { templateId: police.id }).expect(200)).body;
      const first = (
        await save(as.police, draft.id, draft.version, { study_departed: 4 }).expect(200)
      ).body;
      // police2 still has the version it opened, before the first save.
      const stale = await save(as.police2, draft.id, draft.version, { study_departed: 7 }).expect(
        409,
      );
      expect(stale.body).toMatchObject({
        code: 'report_draft_stale',
        details: {
          version: first.version,
          fields: [{ field: 'study_departed', current: 4, updatedBy: expect.any(String) }],
        },
      });
      // Another field is no conflict; the same value is none either.
      await save(as.police2, draft.id, draft.version, { labour_departed: 3 }).expect(200);
      await save(as.police2, draft.id, draft.version, { study_departed: 4 }).expect(200);
      const now = (await as.police.get(`${V1}/reporting/submissions/${draft.id}`).expect(200)).body;
      expect(now.values).toMatchObject({ study_departed: 4, labour_departed: 3 });
      const saves = now.history.filter((h: { action: string }) => h.action === 'save_draft');
      expect(saves.map((h: { changes: object }) => h.changes)).toEqual([
        { study_departed: { before: null, after: 4 } },
        { labour_departed: { before: null, after: 3 } },
      ]);
    });
  });

  describe('submitting, correcting, reviewing', () => {
    let draft: ReportSubmissionResponse;
    const chats = { telegram: 'tg-5001', zalo: 'zl-5002' };

    beforeAll(async () => {
      const links = t.app.get(LinkCodesService);
      for (const [who, channel] of [
        ['police', 'telegram'],
        ['police2', 'zalo'],
      ] as const) {
        const issued = await as.admin
          .post(`${V1}/units/${unit.CA}/link-codes`)
          .send({ userId: user[who] })
          .expect(201);
        const linked = await links.redeem({
          channel,
          chatId: chats[channel],
          text: issued.body.code,
        });
        expect(linked.ok).toBe(true);
      }
      draft = (await open(as.police, { templateId: police.id }).expect(200)).body;
    });

    it('refuses a broken cross-field rule naming both fields, and keeps the valid values', async () => {
      const values = {
        ...fullPoliceValues(),
        trafficking_victims_identified: 2,
        trafficking_victims_supported: 5,
      };
      const refused = await as.police
        .post(`${V1}/reporting/submissions/${draft.id}/submit`)
        .send({ version: draft.version, values })
        .expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'values.trafficking_victims_identified',
        'values.trafficking_victims_supported',
      ]);
      const kept = (await as.police.get(`${V1}/reporting/submissions/${draft.id}`).expect(200))
        .body;
      expect(kept).toMatchObject({ status: 'draft', missingRequired: [] });
      expect(kept.values).toMatchObject({ trafficking_victims_supported: 5, labour_departed: 10 });
      draft = kept;
    });

    it('submits, then the unit corrects until accepted; every change kept with its channel', async () => {
      await save(as.police, draft.id, draft.version, { trafficking_victims_supported: 1 }).expect(
        200,
      );
      const submitted = (
        await as.police.post(`${V1}/reporting/submissions/${draft.id}/submit`).send({}).expect(200)
      ).body;
      expect(submitted).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
      const corrected = await as.police
        .put(`${V1}/reporting/submissions/${draft.id}/values`)
        .send({ version: submitted.version, values: { study_departed: 6 }, channel: 'console' })
        .expect(200);
      expect(corrected.body).toMatchObject({ status: 'submitted', values: { study_departed: 6 } });
      expect(corrected.body.history.at(-1)).toMatchObject({
        action: 'correct',
        channel: 'console',
        changes: { study_departed: { before: 10, after: 6 } },
        actor: { id: user.police },
      });
      // A correction must keep the report complete.
      const broken = await save(as.police, draft.id, corrected.body.version, {
        labour_departed: null,
      }).expect(400);
      expect(broken.body.details[0].field).toBe('values.labour_departed');
    });

    it('is returned with a comment: the linked members are told, the draft reopens with it', async () => {
      await as.police.post(`${V1}/reporting/submissions/${draft.id}/accept`).expect(403);
      await as.coordinator
        .post(`${V1}/reporting/submissions/${draft.id}/return`)
        .send({ comment: '  ' })
        .expect(400);
      const returned = await as.coordinator
        .post(`${V1}/reporting/submissions/${draft.id}/return`)
        .send({ comment: 'Số người học tập chưa khớp với sổ theo dõi.' })
        .expect(200);
      expect(returned.body).toMatchObject({
        status: 'returned',
        returnComment: 'Số người học tập chưa khớp với sổ theo dõi.',
        allowedActions: [],
      });
      const ownView = (await as.police.get(`${V1}/reporting/submissions/${draft.id}`).expect(200))
        .body;
      expect(ownView.allowedActions).toEqual(['save_draft', 'submit']);
      const outbox: {
        kind: string;
        channel: string;
        chat_id: string;
        replies: { text: string }[];
      }[] = await t.dataSource.query(
        `SELECT kind, channel, chat_id, replies FROM outbox WHERE kind = 'correction' ORDER BY channel`,
      );
      expect(outbox.map((o) => [o.channel, o.chat_id])).toEqual([
        ['telegram', chats.telegram],
        ['zalo', chats.zalo],
      ]);
      expect(outbox[0].replies[0].text).toContain('Số người học tập chưa khớp');

      const saved = (
        await save(as.police, draft.id, ownView.version, { study_departed: 5 }).expect(200)
      ).body;
      expect(saved.status).toBe('returned');
      await as.police.post(`${V1}/reporting/submissions/${draft.id}/submit`).send({}).expect(200);
    });

    it('is accepted: told on the chat, and no longer changes', async () => {
      const accepted = await as.coordinator
        .post(`${V1}/reporting/submissions/${draft.id}/accept`)
        .expect(200);
      expect(accepted.body.status).toBe('accepted');
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE kind = 'report_review'`,
      );
      expect(n).toBe(2);
      const refused = await save(as.police, draft.id, accepted.body.version, {
        study_departed: 9,
      }).expect(409);
      expect(refused.body.code).toBe('report_action_not_allowed');
      const audit = await as.admin
        .get(`${V1}/audit`)
        .query({ entityType: 'report_submission', entityId: draft.id })
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['report_submission.return', 'report_submission.accept']),
      );
    });

    it('a locked period refuses every change until an administrator unlocks it', async () => {
      const h1 = (
        await as.otherPolice.post(`${V1}/reporting/submissions`).send({
          templateId: police.id,
          periodKey: '2026-H1',
        })
      ).body;
      await as.coordinator
        .post(`${V1}/reporting/templates/${police.id}/periods/2026-H1/lock`)
        .expect(403);
      await as.admin
        .post(`${V1}/reporting/templates/${police.id}/periods/2026-H1/lock`)
        .expect(204);
      const locked = await save(as.otherPolice, h1.id, h1.version, { study_departed: 1 }).expect(
        409,
      );
      expect(locked.body.code).toBe('report_period_locked');
      // The lock comes first, also for a save that changes nothing or names a wrong value.
      for (const values of [{}, { study_departed: 'many' }]) {
        const refused = await save(as.otherPolice, h1.id, h1.version, values).expect(409);
        expect(refused.body.code).toBe('report_period_locked');
      }
      const view = (await as.otherPolice.get(`${V1}/reporting/submissions/${h1.id}`).expect(200))
        .body;
      expect(view).toMatchObject({ locked: true, allowedActions: [], version: h1.version });
      expect(view.history).toHaveLength(h1.history.length);
      await as.admin
        .post(`${V1}/reporting/templates/${police.id}/periods/2026-H1/unlock`)
        .expect(204);
      await save(as.otherPolice, h1.id, h1.version, { study_departed: 1 }).expect(200);
    });
  });

  describe('roles', () => {
    it("a unit reporter sees and edits only its own unit's reports; a viewer reads", async () => {
      const own = (await open(as.police, { templateId: police.id }).expect(200)).body;
      const other = await as.otherPolice.get(`${V1}/reporting/submissions/${own.id}`).expect(403);
      expect(other.body.code).toBe('report_not_your_unit');
      await save(as.otherPolice, own.id, own.version, { study_departed: 1 }).expect(403);
      await open(as.otherPolice, { templateId: police.id, unitId: unit.CA }).expect(403);
      await as.otherPolice
        .get(`${V1}/reporting/submissions`)
        .query({ unitId: unit.CA })
        .expect(403);
      const mine = await as.otherPolice.get(`${V1}/reporting/submissions`).expect(200);
      expect(mine.body.items.every((s: { unit: { id: string } }) => s.unit.id === unit.CA2)).toBe(
        true,
      );
      await as.viewer.get(`${V1}/reporting/submissions/${own.id}`).expect(200);
      await save(as.viewer, own.id, own.version, { study_departed: 1 }).expect(403);
      await as.viewer.post(`${V1}/reporting/submissions/${own.id}/accept`).expect(403);
      await as.ward.post(`${V1}/reporting/templates/${police.id}/periods/2026-H2/lock`).expect(403);
    });
  });

  describe('reminders', () => {
    it('follow a schedule staff read and administrators change, audited; bad input names the field', async () => {
      const path = `${V1}/reporting/reminder-schedule`;
      const initial = (await as.viewer.get(path).expect(200)).body;
      expect(initial).toMatchObject({
        offsetsDays: [-7, -3, -1, 1],
        window: { start: '08:00', end: '17:00' },
        catchUpDays: 0,
      });
      const wanted = {
        offsetsDays: [-5, -2, 0, 2],
        window: { start: '07:30', end: '16:30' },
        catchUpDays: 1,
      };
      await as.coordinator.put(path).send(wanted).expect(403);
      const saved = (await as.admin.put(path).send(wanted).expect(200)).body;
      expect(saved).toMatchObject(wanted);
      expect(saved.updatedAt).toEqual(expect.any(String));
      expect((await as.ward.get(path).expect(200)).body).toMatchObject(wanted);
      const [audit] = await t.dataSource.query(
        `SELECT before, after FROM audit_log WHERE action = 'reporting_settings.reminders'`,
      );
      expect(audit.before).toMatchObject({ offsetsDays: [-7, -3, -1, 1] });
      expect(audit.after).toMatchObject(wanted);

      const bad = await as.admin
        .put(path)
        .send({ offsetsDays: [-3, -3], window: { start: '17:00', end: '08:00' }, catchUpDays: 99 })
        .expect(400);
      const fields = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['offsetsDays[1]', 'window.end', 'catchUpDays']),
      );
      expect((await as.admin.get(path).expect(200)).body).toMatchObject(wanted);
      // Back to the default for the test below, which counts on its steps.
      const { updatedAt: _, ...defaults } = initial;
      await as.admin.put(path).send(defaults).expect(200);
    });

    it('go to the linked members of units that have not submitted, once per step', async () => {
      const reminders = t.app.get(RemindersService);
      // 2026-H2 is due 05/01/2027; the ward's yearly report 05/11/2026. d-7 of 05/11 is 29/10.
      clock.set('2026-10-29T12:30:00Z'); // 19:30 in Vietnam: outside the window
      expect(await reminders.runOnce()).toEqual({ units: 0, messages: 0 });
      const wardCode = await as.admin
        .post(`${V1}/units/${unit.WARD}/link-codes`)
        .send({ userId: user.ward })
        .expect(201);
      await t.app
        .get(LinkCodesService)
        .redeem({ channel: 'telegram', chatId: 'tg-ward', text: wardCode.body.code });

      clock.set('2026-10-29T02:00:00Z'); // 09:00 in Vietnam
      const instances = [reminders];
      let second: Awaited<ReturnType<typeof createApp>> | null = null;
      if (process.env.TEST_DATABASE_URL) {
        second = await createApp(t.env, t.database, { clock });
        instances.push(second.get(RemindersService));
      } else instances.push(reminders);
      const runs = await Promise.all([...instances, ...instances].map((r) => r.runOnce()));
      await second?.close();
      // The yearly report is owed by the ward and by the police (CA has linked members; CA2 none).
      expect(runs.reduce((n, r) => n + r.units, 0)).toBe(2);
      expect(runs.reduce((n, r) => n + r.messages, 0)).toBe(3);
      const sent: { unit_id: string; step: string; period_key: string }[] =
        await t.dataSource.query(
          `SELECT unit_id, step, period_key FROM report_reminders ORDER BY unit_id`,
        );
      expect(sent).toEqual(
        [unit.CA, unit.WARD].sort().map((id) => ({ unit_id: id, step: 'd-7', period_key: '2026' })),
      );
      const [message] = await t.dataSource.query(
        `SELECT replies FROM outbox WHERE kind = 'reminder' AND chat_id = 'tg-ward'`,
      );
      expect(message.replies[0].text).toContain('còn 7 ngày');
      expect(await reminders.runOnce()).toEqual({ units: 0, messages: 0 });

      // A unit that submitted is not reminded: CA submitted 2026-H2 (accepted above); d-3 of
      // its due day 05/01/2027 is 02/01/2027. CA2 has no linked account.
      clock.set('2027-01-02T03:00:00Z');
      expect(await reminders.runOnce()).toEqual({ units: 0, messages: 0 });
      // The day after the yearly due day, the ward (not submitted) gets d+1.
      clock.set('2026-11-06T02:00:00Z');
      expect(await reminders.runOnce()).toEqual({ units: 2, messages: 3 });
      const [late] = await t.dataSource.query(
        `SELECT replies FROM outbox WHERE kind = 'reminder' AND chat_id = 'tg-ward' ORDER BY created_at DESC, id LIMIT 1`,
      );
      expect(late.replies[0].text).toContain('đã quá hạn 1 ngày');
    });
  });

  it('documents its response schemas in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
    const ok = (path: string, method = 'get', status = '200') =>
      doc.paths[path][method].responses[status].content['application/json'].schema;
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(ok('/api/v1/reporting/submissions')).toEqual(
      ref('ReportSubmissionSummaryResponsePageDto'),
    );
    expect(ok('/api/v1/reporting/submissions/{id}')).toEqual(ref('ReportSubmissionResponseDto'));
    expect(ok('/api/v1/reporting/submissions/{id}/values', 'put')).toEqual(
      ref('ReportSubmissionResponseDto'),
    );
    expect(ok('/api/v1/reporting/templates/{id}/preview')).toEqual(
      ref('ReportTemplatePreviewResponseDto'),
    );
    expect(ok('/api/v1/reporting/templates/{id}/periods')).toEqual({
      type: 'array',
      items: ref('ReportPeriodResponseDto'),
    });
    expect(ok('/api/v1/units/{unitId}/link-codes', 'post', '201')).toEqual(
      ref('LinkCodeResponseDto'),
    );
    expect(ok('/api/v1/units/{unitId}/linked-accounts')).toEqual({
      type: 'array',
      items: ref('LinkedAccountResponseDto'),
    });
  });
});
