import { Injectable } from '@nestjs/common';
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import {
  CompletenessRow,
  templateFields,
  formatDateVi,
  localDateOf,
  ReportDocxQuery,
  ReportField,
  ReportTotalsResponse,
  ReportValues,
  TotalsNode,
  unitKindLabelsVi,
} from '@gcm/domain';
import type { Writable } from 'node:stream';
import { Clock } from '../../common/clock/clock';
import { ReportTrackingService } from './report-tracking.service';
import { SubmissionStore } from './submission-store';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Units' reports read per query while the workbook streams out. */
const EXPORT_BATCH = 500;
/** Most units with a sheet of their own in the workbook (see writeXlsx). */
export const MAX_UNIT_SHEETS = 500;
const FONT = 'Times New Roman';

/** Font sizes of Decree 30/2020/ND-CP, in half-points (docx) */
const PT = (points: number) => points * 2;

export interface ExportFile {
  filename: string;
  contentType: string;
}

const statusLabelsVi: Record<string, string> = {
  submitted: 'Đã nộp',
  accepted: 'Đã duyệt',
};

/**
 * The period's files for the office (issue 13): an XLSX workbook (a sheet of totals up the
 * hierarchy with completeness, then a sheet per unit with its answers) streamed to the response
 * as it is written, and a DOCX report in the administrative format of Decree 30/2020/ND-CP, ready
 * to edit and sign. Figures come from ReportTrackingService.totals; units' answers are read in
 * batches while the workbook streams.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    private readonly tracking: ReportTrackingService,
    private readonly store: SubmissionStore,
    private readonly clock: Clock,
  ) {}

  async prepare(
    templateId: string,
    periodKey: string,
    format: 'xlsx' | 'docx',
  ): Promise<{ totals: ReportTotalsResponse; file: ExportFile }> {
    const totals = await this.tracking.totals(templateId, periodKey);
    return {
      totals,
      file: {
        filename: `bao-cao-${totals.template.code}-${periodKey}.${format}`.replace(/_/g, '-'),
        contentType: format === 'xlsx' ? XLSX_MIME : DOCX_MIME,
      },
    };
  }

  /** Writes the workbook to `out` as it goes (exceljs's streaming writer) and ends it. */
  async writeXlsx(totals: ReportTotalsResponse, out: Writable): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'GCM Helpdesk';
    workbook.created = this.clock.now();
    const bold = { name: FONT, bold: true };
    const font = { name: FONT };
    // One style object per look, shared by every cell that has it: exceljs works a style's entry
    // in styles.xml out once per style object (it remembers them by identity), whereas setting
    // `cell.font` gives each cell a style of its own to work out, on hundreds of thousands of cells.
    const look = {
      body: { font } as Partial<ExcelJS.Style>,
      bold: { font: bold } as Partial<ExcelJS.Style>,
      title: { font: { ...bold, size: 14 } } as Partial<ExcelJS.Style>,
      unitTitle: { font: { ...bold, size: 13 } } as Partial<ExcelJS.Style>,
      header: {
        font: bold,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
        alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
        border: { bottom: { style: 'thin' } },
      } as Partial<ExcelJS.Style>,
    };
    const indents = new Map<number, Partial<ExcelJS.Style>>();
    const indented = (depth: number) => {
      const level = Math.min(depth, 15);
      let style = indents.get(level);
      if (!style) indents.set(level, (style = { font, alignment: { indent: level } }));
      return style;
    };

    const sheet = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
    sheet.columns = [14, 44, 24, 12, ...totals.fields.map(() => 16)].map((width) => ({
      width,
      style: look.body,
    }));
    styled(sheet.addRow([totals.template.title]), look.title);
    styled(
      sheet.addRow([
        `Kỳ báo cáo: ${totals.period.label} — hạn nộp ${formatDateVi(totals.period.dueDate)}`,
      ]),
      look.body,
    );
    sheet.addRow([]).commit();
    styled(
      sheet.addRow([
        'Mã đơn vị',
        'Tên đơn vị',
        'Cấp',
        'Số báo cáo',
        ...totals.fields.map((f) => (f.unit ? `${f.label} (${f.unit})` : f.label)),
      ]),
      look.header,
    );
    for (const { node, depth } of treeOrder(totals.nodes)) {
      const row = sheet.addRow([
        node.unit.code,
        node.unit.name,
        unitKindLabelsVi[node.unit.kind],
        node.reports,
        ...totals.fields.map((f) => node.sums[f.key]),
      ]);
      styled(row, depth === 0 ? look.bold : look.body, depth > 0 ? indented(depth) : undefined);
    }
    sheet.addRow([]).commit();
    styled(sheet.addRow(['Tình hình gửi báo cáo theo loại đơn vị']), look.bold);
    styled(
      sheet.addRow(['Loại đơn vị', '', 'Phải gửi', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Chưa gửi']),
      look.header,
    );
    for (const c of totals.completeness) {
      styled(
        sheet.addRow([
          unitKindLabelsVi[c.kind],
          '',
          c.expected,
          c.submitted,
          c.onTime,
          c.late,
          c.missing,
        ]),
        look.body,
      );
    }
    if (totals.texts.length > 0) {
      sheet.addRow([]).commit();
      styled(sheet.addRow(['Ý kiến, nội dung bằng lời của các đơn vị']), look.bold);
      styled(sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Nội dung', 'Trả lời']), look.header);
      for (const t of totals.texts)
        styled(sheet.addRow([t.unit.code, t.unit.name, t.label, t.text]), look.body);
    }
    sheet.commit();

    // A sheet per unit while a person can still page through them; beyond MAX_UNIT_SHEETS units
    // one sheet with a row per unit (ten thousand tabs open slowly and help no one).
    const reporting = treeOrder(totals.nodes)
      .filter((n) => n.depth === 0)
      .reduce((n, root) => n + root.node.reports, 0);
    const perUnitSheets = reporting <= MAX_UNIT_SHEETS;
    let detail: ExcelJS.Worksheet | null = null;
    /** The fields of each template version, by version id (read once). */
    const fieldsOf = new Map<string, ReportField[]>();
    let after = '';
    for (;;) {
      const batch: {
        code: string;
        name: string;
        kind: keyof typeof unitKindLabelsVi;
        status: string;
        first_submitted_at: Date | null;
        values: ReportValues;
        template_version_id: string;
      }[] = await this.store.dataSource.query(
        `SELECT u.code, u.name, u.kind, s.status, s.first_submitted_at, s.values,
                s.template_version_id
           FROM report_submissions s
           JOIN units u ON u.id = s.unit_id
          WHERE s.template_id = $1 AND s.period_key = $2 AND s.status IN ('submitted', 'accepted')
            AND u.deleted_at IS NULL AND u.code > $3
          ORDER BY u.code LIMIT $4`,
        [totals.template.id, totals.period.key, after, EXPORT_BATCH],
      );
      const missing = [...new Set(batch.map((b) => b.template_version_id))].filter(
        (id) => !fieldsOf.has(id),
      );
      if (missing.length > 0)
        for (const [id, version] of await this.store.versionsById(
          this.store.dataSource.manager,
          missing,
        ))
          fieldsOf.set(id, templateFields(version.definition));
      for (const unit of batch) {
        const fields = fieldsOf.get(unit.template_version_id) ?? [];
        const submittedOn = unit.first_submitted_at
          ? formatDateVi(new Date(unit.first_submitted_at))
          : '';
        if (!perUnitSheets) {
          if (!detail) {
            detail = workbook.addWorksheet('Số liệu từng đơn vị', {
              views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
            });
            detail.columns = [14, 36, 16, 14, 14, ...fields.map(() => 16)].map((width) => ({
              width,
              style: look.body,
            }));
            styled(
              detail.addRow([
                'Mã đơn vị',
                'Tên đơn vị',
                'Loại đơn vị',
                'Trạng thái',
                'Gửi lần đầu',
                ...fields.map((f) => ('unit' in f && f.unit ? `${f.label} (${f.unit})` : f.label)),
              ]),
              look.header,
            );
          }
          styled(
            detail.addRow([
              unit.code,
              unit.name,
              unitKindLabelsVi[unit.kind],
              statusLabelsVi[unit.status] ?? unit.status,
              submittedOn,
              ...fields.map((f) => cellValue(f, unit.values[f.key])),
            ]),
            look.body,
          );
          continue;
        }
        const ws = workbook.addWorksheet(sheetName(unit.code));
        ws.columns = [{ width: 6 }, { width: 60 }, { width: 20 }, { width: 14 }];
        styled(ws.addRow([unit.name]), look.unitTitle);
        styled(
          ws.addRow([
            `${unitKindLabelsVi[unit.kind]} — ${statusLabelsVi[unit.status] ?? unit.status}` +
              (submittedOn ? `, gửi lần đầu ngày ${submittedOn}` : ''),
          ]),
          look.body,
        );
        styled(ws.addRow(['STT', 'Chỉ tiêu', 'Số liệu, nội dung', 'Đơn vị tính']), look.header);
        fields.forEach((field, i) =>
          styled(
            ws.addRow([
              i + 1,
              field.label,
              cellValue(field, unit.values[field.key]),
              'unit' in field ? (field.unit ?? '') : '',
            ]),
            look.body,
          ),
        );
        ws.commit();
      }
      if (batch.length < EXPORT_BATCH) break;
      after = batch[batch.length - 1].code;
    }
    detail?.commit();
    await workbook.commit();
  }

  /** The DOCX report, as a stream to pipe to the response. */
  docxStream(totals: ReportTotalsResponse, query: ReportDocxQuery): NodeJS.ReadableStream {
    return Packer.toStream(this.docx(totals, query)) as unknown as NodeJS.ReadableStream;
  }

  docx(totals: ReportTotalsResponse, query: ReportDocxQuery): Document {
    const today = localDateOf(this.clock.now());
    const ids = new Set(totals.nodes.map((n) => n.unit.id));
    const roots = totals.nodes.filter((n) => !n.parentId || !ids.has(n.parentId));
    const top = roots.length === 1 ? roots[0] : null;
    const issuerName = query.issuer?.trim() || top?.unit.name || 'Cơ quan báo cáo';
    const issuer = issuerName.toUpperCase();
    const parentIssuer = query.parentIssuer?.trim().toUpperCase();
    const symbol = query.symbol?.trim() || 'BC-UBND';
    const place = query.place?.trim() || '……';
    const expected = sum(totals.completeness, 'expected');
    const submitted = sum(totals.completeness, 'submitted');
    const onTime = sum(totals.completeness, 'onTime');
    const late = sum(totals.completeness, 'late');
    const percent =
      expected > 0 ? ((submitted / expected) * 100).toFixed(1).replace('.', ',') : '0';
    const grand = top ?? mergeRoots(roots, totals);
    const children = top ? totals.nodes.filter((n) => n.parentId === top.unit.id) : roots;

    const text = (t: string, o: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}) =>
      new TextRun({ text: t, font: FONT, size: PT(13), ...(o as object) });
    const para = (
      runs: TextRun[],
      o: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {},
    ) => new Paragraph({ children: runs, ...(o as object) });
    const centred = (runs: TextRun[], after = 0) =>
      para(runs, { alignment: AlignmentType.CENTER, spacing: { after } });
    const body = (t: string) =>
      para([text(t, { size: PT(14) })], {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: convertMillimetersToTwip(12.7) },
        spacing: { before: 60, after: 60, line: 312 },
      });

    const heading = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [convertMillimetersToTwip(58), convertMillimetersToTwip(107)],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 36, type: WidthType.PERCENTAGE },
              borders: TableBorders.NONE,
              children: [
                ...(parentIssuer ? [centred([text(parentIssuer, { size: PT(13) })])] : []),
                centred([text(issuer, { bold: true, size: PT(13) })]),
                centred([text('────────', { size: PT(9) })]),
                centred([text(`Số:      /${symbol}`, { size: PT(13) })]),
              ],
            }),
            new TableCell({
              width: { size: 64, type: WidthType.PERCENTAGE },
              borders: TableBorders.NONE,
              children: [
                centred([text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT(12) })]),
                centred([
                  text('Độc lập - Tự do - Hạnh phúc', {
                    bold: true,
                    size: PT(13),
                    underline: {},
                  }),
                ]),
                centred([]),
                centred([
                  text(
                    `${place}, ngày ${pad(today.day)} tháng ${pad(today.month)} năm ${today.year}`,
                    { italics: true, size: PT(13) },
                  ),
                ]),
              ],
            }),
          ],
        }),
      ],
    });

    const grid = (header: string[], rows: (string | number | null)[][], widths: number[]) =>
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [header, ...rows].map(
          (cells, r) =>
            new TableRow({
              tableHeader: r === 0,
              children: cells.map(
                (cell, c) =>
                  new TableCell({
                    width: { size: widths[c], type: WidthType.PERCENTAGE },
                    verticalAlign: VerticalAlign.CENTER,
                    children: [
                      para([text(formatCell(cell), { bold: r === 0, size: PT(12) })], {
                        alignment:
                          c === 0 || typeof cell === 'number' || r === 0
                            ? AlignmentType.CENTER
                            : AlignmentType.LEFT,
                      }),
                    ],
                  }),
              ),
            }),
        ),
      });

    const figures = grid(
      ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng số'],
      totals.fields.map((f, i) => [i + 1, f.label, f.unit ?? '', grand?.sums[f.key] ?? null]),
      [8, 56, 16, 20],
    );
    const completeness = grid(
      ['Loại đơn vị', 'Phải gửi', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Chưa gửi'],
      totals.completeness.map((c) => [
        unitKindLabelsVi[c.kind],
        c.expected,
        c.submitted,
        c.onTime,
        c.late,
        c.missing,
      ]),
      [35, 13, 13, 13, 13, 13],
    );
    const firstField = totals.fields[0];
    const breakdown =
      firstField && children.length > 0 && children.length <= 200
        ? grid(
            ['STT', 'Đơn vị', 'Số báo cáo', ...totals.fields.slice(0, 3).map((f) => f.label)],
            children.map((n, i) => [
              i + 1,
              n.unit.name,
              n.reports,
              ...totals.fields.slice(0, 3).map((f) => n.sums[f.key] ?? null),
            ]),
            [
              8,
              35,
              13,
              ...totals.fields.slice(0, 3).map(() => 44 / Math.min(3, totals.fields.length)),
            ],
          )
        : null;

    const signer = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: TableBorders.NONE,
              children: [
                para([text('Nơi nhận:', { bold: true, italics: true, size: PT(12) })]),
                para([text('- Như trên;', { size: PT(11) })]),
                para([text('- Lãnh đạo đơn vị;', { size: PT(11) })]),
                para([text('- Lưu: VT.', { size: PT(11) })]),
              ],
            }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: TableBorders.NONE,
              children: [
                centred([
                  text((query.signerTitle?.trim() || 'THỦ TRƯỞNG CƠ QUAN').toUpperCase(), {
                    bold: true,
                    size: PT(13),
                  }),
                ]),
                centred([text('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: PT(12) })]),
                centred([]),
                centred([]),
                centred([]),
                centred([text(query.signerName?.trim() ?? '', { bold: true, size: PT(13) })]),
              ],
            }),
          ],
        }),
      ],
    });

    return new Document({
      creator: 'GCM Helpdesk',
      title: totals.template.title,
      styles: {
        default: { document: { run: { font: FONT, size: PT(14) } } },
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
              margin: {
                top: convertMillimetersToTwip(20),
                bottom: convertMillimetersToTwip(20),
                left: convertMillimetersToTwip(30),
                right: convertMillimetersToTwip(15),
              },
            },
          },
          children: [
            heading,
            centred([], 240),
            centred([text('BÁO CÁO', { bold: true, size: PT(14) })]),
            centred([text(totals.template.title, { bold: true, size: PT(14) })]),
            centred([text(`Kỳ báo cáo: ${totals.period.label}`, { bold: true, size: PT(14) })]),
            centred([text('────────', { size: PT(9) })], 240),
            body(
              `Thực hiện chế độ báo cáo “${totals.template.title}”, kỳ ${totals.period.label} (hạn gửi ngày ${formatDateVi(totals.period.dueDate)}), ${issuerName} tổng hợp kết quả như sau:`,
            ),
            body(
              `1. Tình hình gửi báo cáo: có ${fmt(submitted)}/${fmt(expected)} đơn vị đã gửi báo cáo (đạt ${percent}%), trong đó ${fmt(onTime)} đơn vị gửi đúng hạn, ${fmt(late)} đơn vị gửi muộn; ${fmt(expected - submitted)} đơn vị chưa gửi.`,
            ),
            completeness,
            body('2. Kết quả tổng hợp số liệu:'),
            figures,
            ...(breakdown ? [body('3. Số liệu theo từng đơn vị:'), breakdown] : []),
            body(
              'Trên đây là báo cáo tổng hợp kết quả kỳ báo cáo, kính gửi các cơ quan, đơn vị biết, theo dõi./.',
            ),
            centred([], 120),
            signer,
          ],
        },
      ],
    });
  }
}

/** Units in hierarchy order: each root, then its subtree, depth first, by code. */
export function treeOrder(nodes: TotalsNode[]): { node: TotalsNode; depth: number }[] {
  const ids = new Set(nodes.map((n) => n.unit.id));
  const children = new Map<string | null, TotalsNode[]>();
  for (const n of nodes) {
    const parent = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const out: { node: TotalsNode; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      out.push({ node, depth });
      walk(node.unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function mergeRoots(roots: TotalsNode[], totals: ReportTotalsResponse): TotalsNode | null {
  if (roots.length === 0) return null;
  return {
    unit: roots[0].unit,
    parentId: null,
    hasChildren: true,
    reports: roots.reduce((n, r) => n + r.reports, 0),
    sums: Object.fromEntries(
      totals.fields.map((f) => {
        const values = roots.map((r) => r.sums[f.key]).filter((v): v is number => v !== null);
        return [f.key, values.length ? values.reduce((a, b) => a + b, 0) : null];
      }),
    ),
  };
}

/**
 * Gives each written cell of `row` the shared `style` (`second`: the second column's, for the
 * indented unit names) and commits the row.
 */
function styled(
  row: ExcelJS.Row,
  style: Partial<ExcelJS.Style>,
  second: Partial<ExcelJS.Style> = style,
): void {
  row.eachCell((cell, column) => {
    cell.style = column === 2 ? second : style;
  });
  row.commit();
}

/** An answer as a cell: numbers stay numbers; choices their labels; yes/no, dates in Vietnamese. */
function cellValue(field: ReportField, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'count':
    case 'decimal':
      return typeof value === 'number' ? value : null;
    case 'yes_no':
      return value === true ? 'Có' : value === false ? 'Không' : null;
    case 'date':
      return typeof value === 'string' ? formatDateVi(value) : null;
    case 'single_choice':
      return field.choices.find((c) => c.value === value)?.label ?? String(value);
    case 'multiple_choice':
      return Array.isArray(value)
        ? value.map((v) => field.choices.find((c) => c.value === v)?.label ?? v).join('; ')
        : null;
    default:
      return String(value);
  }
}

/** A sheet name: the unit code (letters, digits, `._-`, at most 31 characters). */
function sheetName(code: string): string {
  return code.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
}

function sum(rows: CompletenessRow[], key: 'expected' | 'submitted' | 'onTime' | 'late'): number {
  return rows.reduce((n, r) => n + r[key], 0);
}

/** Vietnamese number format: 12.345,5 */
function fmt(n: number): string {
  const [whole, fraction] = String(Math.round(n * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}

function formatCell(cell: string | number | null): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? fmt(cell) : cell;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
