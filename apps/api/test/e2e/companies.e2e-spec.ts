import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list as the ministry publishes it: Vietnamese headers, dd/mm/yyyy, statuses in words. */
const MINISTRY_CSV = [
  'STT,Tên doanh nghiệp,Số giấy phép,Ngày cấp,Địa chỉ trụ sở chính,Tình trạng',
  '1,Công ty TNHH Nhân lực Ánh Dương,101/LĐTBXH-GPHĐDVVL,15/03/2020,Hà Nội,Đang hoạt động',
  '2,Công ty Cổ phần Nhân lực Quốc tế Sao Mai,102/LĐTBXH-GPHĐDVVL,01/07/2019,Hà Nội,Đang hoạt động',
  '3,Công ty TNHH MTV Lao động Sao Mai Bắc,103/LĐTBXH-GPHĐDVVL,20/11/2018,Hải Phòng,Thu hồi giấy phép',
].join('\n');

describe('licensed companies', () => {
  let t: TestApp;
  let coordinator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = (await signedInAs(t, 'coordinator')).agent;
  });
  afterAll(() => t.close());

  const check = (agent: TestAgent, q: string) =>
    agent.get('/api/v1/companies/check').query({ q }).expect(200);

  it('says nothing either way before a list is imported', async () => {
    const { body } = await check(coordinator, 'Ánh Dương');
    expect(body).toEqual({ list: null, match: null, candidates: [] });
  });

  it('imports the ministry’s CSV with its date and finds a company typed any way', async () => {
    await coordinator
      .post('/api/v1/companies/import')
      .query({ listDate: '01/12/2026', source: 'Cục Quản lý lao động ngoài nước' })
      .set('Content-Type', 'text/csv')
      .send(MINISTRY_CSV)
      .expect(200, { companies: 3, dryRun: false });

    const typed = await check(coordinator, 'cty tnhh nhan luc anh duong');
    expect(typed.body.match).toMatchObject({
      name: 'Công ty TNHH Nhân lực Ánh Dương',
      status: 'active',
      licensedOn: '2020-03-15',
    });
    expect(typed.body.list).toMatchObject({
      listDate: '2026-12-01',
      sample: false,
      companyCount: 3,
    });
    expect((await check(coordinator, '103/ldtbxh-gphddvvl')).body.match.status).toBe('revoked');
    const unsure = await check(coordinator, 'sao mai');
    expect(unsure.body.match).toBeNull();
    expect(unsure.body.candidates).toHaveLength(2);
    const unknown = await check(coordinator, 'Công ty XYZ Toàn Cầu');
    expect(unknown.body).toMatchObject({ match: null, candidates: [] });

    const audit = await (
      await signedInAs(t, 'admin')
    ).agent
      .get('/api/v1/audit')
      .query({ entityType: 'company_list' })
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'company_list.import' });
  });

  it('imports an XLSX list with a title above the table, replacing the last list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.addRow(['DANH SÁCH DOANH NGHIỆP ĐƯỢC CẤP GIẤY PHÉP']);
    sheet.addRow(['Tên doanh nghiệp', 'Số giấy phép', 'Ngày cấp', 'Tình trạng']);
    sheet.addRow([
      'Công ty CP Hợp tác Quốc tế Hà Thành',
      '201/GP',
      new Date(Date.UTC(2021, 4, 2)),
      'Đình chỉ',
    ]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    await coordinator
      .post('/api/v1/companies/import')
      .set('Content-Type', XLSX)
      .send(body)
      .expect(200, { companies: 1, dryRun: false });
    const found = await check(coordinator, 'ha thanh');
    expect(found.body.match).toMatchObject({ status: 'suspended', licensedOn: '2021-05-02' });
    expect((await check(coordinator, 'anh duong')).body.match).toBeNull();
  });

  it('refuses a bad list line by line and keeps the current one; only admins and coordinators import', async () => {
    const bad = await coordinator
      .post('/api/v1/companies/import')
      .set('Content-Type', 'text/csv')
      .send(
        'Tên doanh nghiệp,Số giấy phép,Tình trạng,Ngày cấp\nA,1/GP,không rõ,\n,2/GP,Đang hoạt động,31/02/2020',
      )
      .expect(400);
    expect(bad.body.code).toBe('csv_invalid');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'status' }),
        expect.objectContaining({ line: 3, field: 'name' }),
        expect.objectContaining({ line: 3, field: 'licensed_on' }),
      ]),
    );
    await coordinator
      .post('/api/v1/companies/import')
      .set('Content-Type', 'text/csv')
      .send('ten,dia chi\nA,B')
      .expect(400);
    expect((await check(coordinator, 'ha thanh')).body.match).not.toBeNull();

    for (const role of ['editor', 'viewer'] as const) {
      const { agent } = await signedInAs(t, role);
      await agent
        .post('/api/v1/companies/import')
        .set('Content-Type', 'text/csv')
        .send(MINISTRY_CSV)
        .expect(403);
      await check(agent, 'ha thanh');
    }
    await t.http.get('/api/v1/companies/check').query({ q: 'ha thanh' }).expect(401);
  });
});
