import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/common/clock/clock';
import { LinkCodesService } from '../../src/modules/linked-accounts/link-codes.service';
import { createUnit, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const V1 = '/api/v1';

/** Half-yearly, owed by wards and communes, due 5 July for the first half. */
const SURVEY = {
  code: 'ward_migration_survey',
  title: 'Tình hình lao động đi làm việc ở nước ngoài',
  owedBy: ['commune'],
  schedule: {
    kind: 'half_yearly',
    due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
  },
  sections: [
    {
      key: 'main',
      title: 'Số liệu',
      fields: [
        {
          key: 'people',
          label: 'Số người đi làm việc',
          type: 'count',
          required: true,
          unit: 'người',
        },
        {
          key: 'budget',
          label: 'Kinh phí hỗ trợ',
          type: 'decimal',
          required: true,
          unit: 'triệu đồng',
        },
        { key: 'note', label: 'Kiến nghị, đề xuất', type: 'text', required: false },
      ],
    },
  ],
  rules: [],
};

/** Reads a binary answer whole (supertest parses only text and JSON by itself). */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('reporting console: tracking matrix, reminder, totals, exports', () => {
  const clock = new ManualClock(new Date('2026-07-01T03:00:00Z'));
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  const unit: Record<string, string> = {};
  const reporter: Record<string, string> = {};
  const submission: Record<string, string> = {};
  let templateId: string;

  /** The admin fills in and submits a ward's report at the clock's now. */
  async function submit(ward: string, values: object, periodKey = '2026-H1') {
    const opened = await as.admin
      .post(`${V1}/reporting/submissions`)
      .send({ templateId, unitId: unit[ward], periodKey })
      .expect(200);
    submission[`${ward}:${periodKey}`] = opened.body.id;
    await as.admin
      .post(`${V1}/reporting/submissions/${opened.body.id}/submit`)
      .send({ version: opened.body.version, values })
      .expect(200);
    return opened.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const province = await createUnit(t, { kind: 'province', code: 'PY', name: 'Tỉnh Phú Yên' });
    unit.PY = province.id;
    for (const [code, name] of [
      ['SC', 'Thành phố Sông Cầu'],
      ['TH', 'Thị xã Tuy Hòa'],
    ] as const)
      unit[code] = (
        await createUnit(t, { kind: 'district', code, name, parentId: province.id })
      ).id;
    for (const [code, name, parent] of [
      ['W1', 'Phường Xuân Phú', 'SC'],
      ['W2', 'Phường Xuân Yên', 'SC'],
      ['W3', 'Phường Xuân Thành', 'SC'],
      ['W4', 'Phường Phú Lâm', 'TH'],
      ['W5', 'Phường Phú Đông', 'TH'],
      ['W6', 'Phường Phú Thạnh', 'TH'],
    ] as const)
      unit[code] = (
        await createUnit(t, { kind: 'commune', code, name, parentId: unit[parent] })
      ).id;
    for (const role of ['admin', 'coordinator', 'viewer'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    for (const ward of ['W1', 'W3', 'W4']) {
      const signed = await signedInAs(t, 'unit_reporter', { unitId: unit[ward] });
      as[ward] = signed.agent;
      reporter[ward] = signed.userId;
    }
    templateId = (
      await as.coordinator
        .post(`${V1}/reporting/templates`)
        .send({ definition: SURVEY, effectiveFrom: '2025-H2' })
        .expect(201)
    ).body.id;

    // Before the due date (5 July): W1, W5 and W6 on time; W1 also reported the last period, late.
    clock.set(new Date('2026-07-01T03:00:00Z'));
    await submit('W1', { people: 10, budget: 1.5, note: 'Đã tuyên truyền tại 3 khu phố.' });
    await submit('W1', { people: 7, budget: 1 }, '2025-H2');
    await submit('W5', { people: 5, budget: 0.5 });
    await submit('W6', { people: 100, budget: 9 });
    await as.admin
      .post(`${V1}/reporting/submissions/${submission['W5:2026-H1']}/accept`)
      .expect(200);
    await as.admin
      .post(`${V1}/reporting/submissions/${submission['W6:2026-H1']}/return`)
      .send({ comment: 'Số người đi làm việc quá cao, vui lòng kiểm tra lại.' })
      .expect(200);
    // After it: W2 late; W3 saves a draft only; W4 never starts.
    clock.set(new Date('2026-07-08T03:00:00Z'));
    await submit('W2', { people: 20, budget: 2.25 });
    const draft = await as.admin
      .post(`${V1}/reporting/submissions`)
      .send({ templateId, unitId: unit.W3, periodKey: '2026-H1' })
      .expect(200);
    submission['W3:2026-H1'] = draft.body.id;
    await as.admin
      .put(`${V1}/reporting/submissions/${draft.body.id}/values`)
      .send({ version: draft.body.version, values: { people: 3 } })
      .expect(200);
    clock.set(new Date('2026-07-10T03:00:00Z')); // 10:00 in Vietnam
  }, 60_000);
  afterAll(() => t?.close());

  const path = (rest: string, period = '2026-H1') =>
    `${V1}/reporting/templates/${templateId}/periods/${period}/${rest}`;

  describe('tracking matrix', () => {
    it('puts every owing ward in its status, counts them and flags the overdue ones', async () => {
      const res = await as.viewer.get(path('tracking')).expect(200);
      const m = res.body;
      expect(m.period).toMatchObject({ key: '2026-H1', dueDate: '2026-07-05', locked: false });
      expect(m.counts).toEqual({
        total: 6,
        overdue: 2,
        not_started: 1,
        draft: 1,
        submitted_on_time: 1,
        submitted_late: 1,
        returned: 1,
        accepted: 1,
      });
      const byCode = Object.fromEntries(
        m.rows.map((r: { unit: { code: string } }) => [r.unit.code, r]),
      );
      expect(byCode.W1).toMatchObject({ status: 'submitted_on_time', overdue: false });
      expect(byCode.W1.submissionId).toBe(submission['W1:2026-H1']);
      expect(byCode.W2).toMatchObject({ status: 'submitted_late', overdue: false });
      expect(byCode.W3).toMatchObject({ status: 'draft', overdue: true, answeredCount: 1 });
      expect(byCode.W4).toMatchObject({ status: 'not_started', overdue: true, submissionId: null });
      expect(byCode.W5.status).toBe('accepted');
      expect(byCode.W6).toMatchObject({ status: 'returned', overdue: false });
      // Grouped by parent unit then kind: Sông Cầu's wards, then Tuy Hòa's.
      expect(m.groups.map((g: { parent: { code: string } }) => g.parent.code)).toEqual([
        'SC',
        'TH',
      ]);
      expect(m.groups[0].counts).toMatchObject({ total: 3, overdue: 1, draft: 1 });
      expect(m.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual([
        'W1',
        'W2',
        'W3',
        'W4',
        'W5',
        'W6',
      ]);
    });

    it('filters by status and parent unit, the counts still covering every status', async () => {
      const late = await as.coordinator
        .get(path('tracking'))
        .query({ status: 'submitted_late' })
        .expect(200);
      expect(late.body.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['W2']);
      expect(late.body.total).toBe(1);
      expect(late.body.counts.total).toBe(6);
      const underTuyHoa = await as.coordinator
        .get(path('tracking'))
        .query({ parentId: unit.TH, kind: 'commune' })
        .expect(200);
      expect(underTuyHoa.body.counts).toMatchObject({ total: 3, not_started: 1, accepted: 1 });
      const underProvince = await as.coordinator
        .get(path('tracking'))
        .query({ parentId: unit.PY })
        .expect(200);
      expect(underProvince.body.total).toBe(6);
      const paged = await as.admin
        .get(path('tracking'))
        .query({ pageSize: 2, page: 2 })
        .expect(200);
      expect(paged.body.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual([
        'W3',
        'W4',
      ]);
    });

    it('refuses a unit reporter, a bad filter and a period the template does not have', async () => {
      const refused = await as.W1.get(path('tracking')).expect(403);
      expect(refused.body.code).toBe('forbidden');
      await as.W1.get(path('totals')).expect(403);
      const bad = await as.viewer.get(path('tracking')).query({ status: 'late' }).expect(400);
      expect(bad.body.details[0].field).toBe('status');
      const wrong = await as.viewer.get(path('tracking', '2026-Q1')).expect(400);
      expect(wrong.body.details[0].field).toBe('periodKey');
    });
  });

  describe('one-click reminder', () => {
    beforeAll(async () => {
      const links = t.app.get(LinkCodesService);
      for (const ward of ['W1', 'W3', 'W4']) {
        const issued = await as.admin
          .post(`${V1}/units/${unit[ward]}/link-codes`)
          .send({ userId: reporter[ward] })
          .expect(201);
        const linked = await links.redeem({
          channel: 'telegram',
          chatId: `tg-${ward}`,
          text: issued.body.code,
        });
        expect(linked.ok).toBe(true);
      }
    });

    it('reaches the linked members of the wards that have not submitted, once a day', async () => {
      await as.viewer.post(path('remind')).expect(403);
      const sent = await as.coordinator.post(path('remind')).expect(200);
      expect(sent.body).toMatchObject({ units: 2, messages: 2 });
      const queued: { chat_id: string; replies: { text: string }[] }[] = await t.dataSource.query(
        `SELECT chat_id, replies FROM outbox WHERE kind = 'reminder' ORDER BY chat_id`,
      );
      expect(queued.map((q) => q.chat_id)).toEqual(['tg-W3', 'tg-W4']);
      expect(queued[0].replies[0].text).toContain('đã quá hạn 5 ngày');

      const again = await as.admin.post(path('remind')).expect(409);
      expect(again.body.code).toBe('report_reminder_sent_today');
      expect(again.body.message).toContain('10:00 10/07/2026');
      expect(again.body.details.sentAt).toBe('2026-07-10T03:00:00.000Z');
      const matrix = await as.viewer.get(path('tracking')).expect(200);
      expect(matrix.body.lastReminderAt).toBe('2026-07-10T03:00:00.000Z');

      const audit: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'report_period.remind'`,
      );
      expect(audit[0].n).toBe(1);

      clock.set(new Date('2026-07-11T02:00:00Z')); // the next day in Vietnam
      await as.coordinator.post(path('remind')).expect(200);
      clock.set(new Date('2026-07-10T03:00:00Z'));
    });
  });

  describe('totals', () => {
    it('sums the submitted and accepted reports up the hierarchy, lists text answers', async () => {
      const res = await as.viewer.get(path('totals')).expect(200);
      const totals = res.body;
      expect(totals.fields.map((f: { key: string }) => f.key)).toEqual(['people', 'budget']);
      const node = (code: string) =>
        totals.nodes.find((n: { unit: { code: string } }) => n.unit.code === code);
      // The returned report (W6, 100 people) and the draft (W3) are not counted.
      expect(node('PY')).toMatchObject({ reports: 3, sums: { people: 35, budget: 4.25 } });
      expect(node('SC')).toMatchObject({ reports: 2, sums: { people: 30, budget: 3.75 } });
      expect(node('TH')).toMatchObject({ reports: 1, sums: { people: 5, budget: 0.5 } });
      expect(node('SC').parentId).toBe(unit.PY);
      expect(node('W6')).toBeUndefined();
      expect(totals.texts).toEqual([
        expect.objectContaining({
          unit: expect.objectContaining({ code: 'W1' }),
          field: 'note',
          label: 'Kiến nghị, đề xuất',
          text: 'Đã tuyên truyền tại 3 khu phố.',
        }),
      ]);
      expect(totals.completeness).toEqual([
        { kind: 'commune', expected: 6, submitted: 4, onTime: 3, late: 1, missing: 2 },
      ]);
      expect(totals.series).toEqual([
        expect.objectContaining({ periodKey: '2025-H2', submitted: 1, late: 1, percent: 16.7 }),
        expect.objectContaining({ periodKey: '2026-H1', submitted: 4, onTime: 3, percent: 66.7 }),
      ]);
    });
  });

  it('documents the routes with their answers in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
    const base = '/api/v1/reporting/templates/{id}/periods/{periodKey}';
    const schema = (path: string, method: string) =>
      doc.paths[`${base}/${path}`][method].responses['200'].content['application/json'].schema.$ref;
    expect(schema('tracking', 'get')).toMatch(/TrackingMatrixResponseDto$/);
    expect(schema('totals', 'get')).toMatch(/ReportTotalsResponseDto$/);
    expect(schema('remind', 'post')).toMatch(/SendPeriodReminderResponseDto$/);
    expect(doc.paths[`${base}/remind`].post.responses['409']).toBeDefined();
    expect(Object.keys(doc.paths[`${base}/export.docx`].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const matrix = doc.components.schemas.TrackingMatrixResponseDto.properties;
    expect(Object.keys(matrix)).toEqual(
      expect.arrayContaining(['counts', 'groups', 'rows', 'lastReminderAt']),
    );
  });

  it('lists the top levels of the totals, then the units under one', async () => {
    const top = await as.viewer.get(path('totals')).query({ scope: 'top' }).expect(200);
    const codes = (body: { nodes: { unit: { code: string } }[] }) =>
      body.nodes.map((n) => n.unit.code);
    expect(codes(top.body)).toEqual(['PY', 'SC', 'TH']);
    expect(top.body.nodes.every((n: { hasChildren: boolean }) => n.hasChildren)).toBe(true);
    expect(top.body.completeness[0].expected).toBe(6);
    const under = await as.viewer.get(path('totals')).query({ parentId: unit.SC }).expect(200);
    expect(codes(under.body)).toEqual(['W1', 'W2']);
    expect(under.body.nodes[1]).toMatchObject({ hasChildren: false, sums: { people: 20 } });
    await as.viewer.get(path('totals')).query({ scope: 'some' }).expect(400);
  });

  describe('exports', () => {
    it('writes an XLSX workbook: totals, then a sheet per ward, numbers as numbers', async () => {
      const res = await as.viewer.get(path('export.xlsx')).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(
        'bao-cao-ward-migration-survey-2026-H1.xlsx',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'W1', 'W2', 'W5']);
      const sheet = workbook.getWorksheet('Tổng hợp')!;
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      const header = rows.find((r) => r.includes('Mã đơn vị'))!;
      expect(header).toContain('Số người đi làm việc (người)');
      const province = rows.find((r) => r[1] === 'PY')!;
      expect(province.slice(1, 7)).toEqual([
        'PY',
        'Tỉnh Phú Yên',
        'Tỉnh, thành phố trực thuộc trung ương',
        3,
        35,
        4.25,
      ]);
      const city = rows.find((r) => r[1] === 'SC')!;
      expect(city[5]).toBe(30);
      expect(rows.find((r) => r[1] === 'Xã, phường')).toEqual(
        expect.arrayContaining([6, 4, 3, 1, 2]),
      );
      // Every written cell in Times New Roman, the units below the top indented by their level.
      const fonts = new Set<string | undefined>();
      for (const ws of workbook.worksheets)
        ws.eachRow((row) => row.eachCell((cell) => fonts.add(cell.font?.name)));
      expect([...fonts]).toEqual(['Times New Roman']);
      const cityRow = sheet.getRow(totalsRowOf(sheet, 'SC'));
      expect(cityRow.getCell(2).alignment?.indent).toBe(1);
      expect(sheet.getRow(totalsRowOf(sheet, 'PY')).getCell(1).font?.bold).toBe(true);
      const w2 = workbook.getWorksheet('W2')!;
      expect(w2.getCell('A1').value).toBe('Phường Xuân Yên');
      const people = (w2.getSheetValues() as unknown[][]).find(
        (r) => r && r[2] === 'Số người đi làm việc',
      )!;
      expect(people[3]).toBe(20);
      expect(typeof people[3]).toBe('number');
    });

    it('writes a DOCX report in the format of Decree 30/2020/ND-CP with the figures', async () => {
      const res = await as.coordinator
        .get(path('export.docx'))
        .query({
          issuer: 'Ủy ban nhân dân tỉnh Phú Yên',
          place: 'Phú Yên',
          signerName: 'Trần Văn Bình',
        })
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(res.body as Buffer);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN',
        'Số:      /BC-UBND',
        'Phú Yên, ngày 10 tháng 07 năm 2026',
        'BÁO CÁO',
        'Tình hình lao động đi làm việc ở nước ngoài',
        'Nơi nhận:',
        'Trần Văn Bình',
      ])
        expect(text).toContain(expected);
      expect(text).toContain('có 4/6 đơn vị đã gửi báo cáo (đạt 66,7%)');
      // The figures table: the province's totals, Vietnamese number format.
      expect(text).toContain('Số người đi làm việc|người|35');
      expect(text).toContain('Kinh phí hỗ trợ|triệu đồng|4,25');
      expect(xml).toContain('w:ascii="Times New Roman"');

      if (!hasSoffice()) return;
      const dir = mkdtempSync(join(tmpdir(), 'gcm-docx-'));
      writeFileSync(join(dir, 'bao-cao.docx'), res.body as Buffer);
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')],
        {
          env: { ...process.env, HOME: dir },
          timeout: 90_000,
        },
      );
      // What LibreOffice made of it: one A4 page whose text keeps its diacritics (a DOCX whose
      // fonts or encoding were wrong would come out as boxes or question marks), saved under
      // test-results/ for a person to look at; docs/guides/images/reporting-docx-page1.png is a
      // copy of it, refreshed by hand when the layout changes.
      const pdf = join(dir, 'bao-cao.pdf');
      const rendered = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(rendered.normalize('NFC')).toContain('Tình hình lao động đi làm việc ở nước ngoài');
      expect(rendered).toContain('Trần Văn Bình');
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      const results = resolve(__dirname, '../../test-results');
      mkdirSync(results, { recursive: true });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '90',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(results, 'reporting-docx-page1'),
      ]);
    }, 120_000);
  });
});

/** The number of the totals sheet's row of the unit `code`. */
function totalsRowOf(sheet: ExcelJS.Worksheet, code: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === code) found = n;
  });
  return found;
}

function hasSoffice(): boolean {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
