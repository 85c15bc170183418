import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  FaqImportReport,
  FaqImportRow,
  FaqImportRowResult,
  FaqStatus,
} from '@gcm/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { quoteFormula, unquoteFormula } from '../../common/csv/formula-cells';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { XLSX_MIME } from '../../common/http/media-types';
import { FaqImportQueryDto, FaqImportRowDto, TransferFormat } from './dto/faq-transfer.dto';
import { FaqEntity } from './faq.entity';
import { rowsFromSheet, sheetFromRows } from './faq-sheet';
import { FaqsService } from './faqs.service';
import { KnowledgeErrors } from './knowledge.errors';
import { TopicsService } from './topics.service';

const MAX_ROWS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown inside the transaction to undo an import that must not be kept. */
class Rollback extends Error {}

interface CheckedRow {
  row: number;
  dto?: FaqImportRowDto;
  errors?: string[];
}

/** FAQ import (JSON, CSV, XLSX) with a per-row report, and export in the same forms. */
@Injectable()
export class FaqTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly faqs: FaqsService,
    private readonly topics: TopicsService,
  ) {}

  async import(
    actor: Actor | null,
    format: TransferFormat,
    body: unknown,
    options: FaqImportQueryDto,
  ): Promise<FaqImportReport> {
    const checked = checkRows(await readRows(format, body));
    const report: FaqImportReport = {
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rolledBack: false,
      rows: [],
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const row of checked)
          report.rows.push(
            await this.importRow(manager, actor, row, options.defaultStatus ?? 'draft'),
          );
        report.rejected = report.rows.filter((r) => r.outcome === 'rejected').length;
        if (options.dryRun || (options.allOrNothing && report.rejected > 0)) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      report.rolledBack = true;
    }
    report.created = report.rows.filter((r) => r.outcome === 'created').length;
    report.updated = report.rows.filter((r) => r.outcome === 'updated').length;
    report.unchanged = report.rows.filter((r) => r.outcome === 'unchanged').length;
    if (report.rolledBack && !options.dryRun) {
      throw new AppError(
        ErrorCode.ImportInvalid,
        400,
        `${report.rejected} row(s) were rejected, so nothing was imported (all or nothing). See details.rows.`,
        report,
      );
    }
    return report;
  }

  private async importRow(
    manager: EntityManager,
    actor: Actor | null,
    { row, dto, errors }: CheckedRow,
    defaultStatus: FaqStatus,
  ): Promise<FaqImportRowResult> {
    if (!dto) return { row, outcome: 'rejected', errors };
    const existing = dto.id ? await findByIdOrKey(manager, dto.id) : null;
    const versionBefore = existing?.version;
    try {
      const topic = await this.topics.findOrCreate(manager, actor, dto.topic);
      const faq = await this.faqs.write(
        manager,
        actor,
        {
          key: existing ? undefined : (dto.id ?? null),
          topicId: topic.id,
          question: dto.question,
          alternates: dto.alternates ?? [],
          answer: dto.answer,
          questionEn: dto.questionEn ?? null,
          answerEn: dto.answerEn ?? null,
          alternatesEn: dto.alternatesEn ?? [],
          tags: dto.tags ?? [],
          sources: dto.sources ?? [],
          status: dto.status ?? (existing ? undefined : defaultStatus),
          needsReview: dto.needsReview,
        },
        existing,
      );
      if (!existing) return { row, outcome: 'created', id: faq.id };
      return { row, outcome: faq.version === versionBefore ? 'unchanged' : 'updated', id: faq.id };
    } catch (error) {
      if (error instanceof AppError && error.status < 500)
        return { row, outcome: 'rejected', errors: [error.message] };
      throw error;
    }
  }

  async export(
    format: TransferFormat,
    status?: FaqStatus,
  ): Promise<{ body: Buffer | string; contentType: string; filename: string }> {
    const faqs = await this.dataSource.getRepository(FaqEntity).find({
      where: status ? { status } : {},
      relations: { topic: true },
      order: { createdAt: 'ASC' },
    });
    const rows: FaqImportRow[] = faqs.map((f) => ({
      id: f.key ?? f.id,
      topic: f.topic?.name ?? '',
      question: f.question,
      alternates: f.alternates,
      answer: f.answer,
      tags: f.tags,
      status: f.status,
      ...(f.questionEn ? { questionEn: f.questionEn } : {}),
      ...(f.answerEn ? { answerEn: f.answerEn } : {}),
      ...(f.alternatesEn.length ? { alternatesEn: f.alternatesEn } : {}),
      ...(f.sources.length ? { sources: f.sources } : {}),
      ...(f.needsReview ? { needsReview: true } : {}),
    }));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'json') {
      return {
        body: JSON.stringify(rows, null, 2),
        contentType: 'application/json; charset=utf-8',
        filename: `faqs-${stamp}.json`,
      };
    }
    const sheet = sheetFromRows(rows);
    if (format === 'csv') {
      // A BOM lets Excel open the UTF-8 file with Vietnamese intact.
      return {
        body: `\uFEFF${stringify(sheet.map((cells) => cells.map(quoteFormula)))}`,
        contentType: 'text/csv; charset=utf-8',
        filename: `faqs-${stamp}.csv`,
      };
    }
    // exceljs writes a string as a text cell, never as a formula (that takes { formula }), so
    // XLSX cells need no quote.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('FAQ').addRows(sheet);
    return {
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
      contentType: XLSX_MIME,
      filename: `faqs-${stamp}.xlsx`,
    };
  }
}

/** Reads the body into plain row objects; a file that cannot be read at all is a 400. */
async function readRows(format: TransferFormat, body: unknown): Promise<Record<string, unknown>[]> {
  let rows: unknown;
  if (format === 'json') {
    rows = body;
    if (!Array.isArray(rows))
      throw KnowledgeErrors.importUnreadable('The JSON body must be an array of FAQ objects.');
  } else {
    const table = format === 'csv' ? readCsv(body) : await readXlsx(body);
    const [header = [], ...data] = table.filter((cells) => cells.some((c) => c.trim() !== ''));
    const { rows: sheetRows, problem } = rowsFromSheet(header, data);
    if (problem) throw KnowledgeErrors.importUnreadable(`Row ${problem.row}: ${problem.message}`);
    rows = sheetRows;
  }
  const list = rows as unknown[];
  if (list.length === 0) throw KnowledgeErrors.importUnreadable('The file holds no FAQ.');
  if (list.length > MAX_ROWS)
    throw KnowledgeErrors.importUnreadable(`At most ${MAX_ROWS} FAQs per file.`);
  return list as Record<string, unknown>[];
}

function readCsv(body: unknown): string[][] {
  if (typeof body !== 'string') throw KnowledgeErrors.importUnreadable('Send the CSV as text/csv.');
  try {
    const table: string[][] = parse(body.normalize('NFC'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    return table.map((cells) => cells.map(unquoteFormula));
  } catch (error) {
    throw KnowledgeErrors.importUnreadable(`The CSV cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(body: unknown): Promise<string[][]> {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw KnowledgeErrors.importUnreadable('Send the XLSX file as the request body.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw KnowledgeErrors.importUnreadable('The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw KnowledgeErrors.importUnreadable('The workbook has no sheet.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell(
      { includeEmpty: true },
      (cell, column) => (cells[column - 1] = cell.text.normalize('NFC')),
    );
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  return table;
}

/** Validates every row; a later row repeating an earlier row's id is rejected. */
function checkRows(rows: Record<string, unknown>[]): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map((raw, index) => {
    const row = index + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { row, errors: ['each FAQ must be an object with topic, question and answer'] };
    }
    const dto = plainToInstance(FaqImportRowDto, raw);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) =>
        m.replace(/^property (\S+) should not exist$/, 'unknown field $1'),
      ),
    );
    if (dto.id && typeof dto.id === 'string') {
      const first = seen.get(dto.id.toLowerCase());
      if (first) errors.push(`id ${dto.id} already appears in row ${first}`);
      else seen.set(dto.id.toLowerCase(), row);
    }
    return errors.length ? { row, errors } : { row, dto };
  });
}

function findByIdOrKey(manager: EntityManager, id: string): Promise<FaqEntity | null> {
  return manager.findOne(FaqEntity, { where: UUID.test(id) ? [{ id }, { key: id }] : { key: id } });
}
