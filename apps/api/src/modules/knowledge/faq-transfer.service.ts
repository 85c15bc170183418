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
import { FaqChange, FaqsService } from './faqs.service';
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
        report.rows = await this.importRows(
          manager,
          actor,
          checked,
          options.defaultStatus ?? 'draft',
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

  /**
   * Writes the valid rows in order, as FaqsService.write() would one by one, with a fixed number
   * of statements: one lookup of the FAQs the rows name, one of their topics (creating the
   * missing ones), then FaqsService.save() of every change at once.
   */
  private async importRows(
    manager: EntityManager,
    actor: Actor | null,
    checked: CheckedRow[],
    defaultStatus: FaqStatus,
  ): Promise<FaqImportRowResult[]> {
    const valid = checked.flatMap(({ dto }) => (dto ? [dto] : []));
    const existingFaq = await findByIdsOrKeys(
      manager,
      valid.flatMap(({ id }) => (id ? [id] : [])),
    );
    const topicIds = await this.topics.idsForNames(
      manager,
      actor,
      valid.map(({ topic }) => topic),
    );
    const topicIdOf = new Map(valid.map((dto, i) => [dto, topicIds[i]]));
    const changes: FaqChange[] = [];
    const results = checked.map(
      ({ row, dto, errors }): FaqImportRowResult & { faq?: FaqEntity } => {
        if (!dto) return { row, outcome: 'rejected', errors };
        const existing = dto.id ? existingFaq(dto.id) : null;
        // The topic and key need no check: the topic was just found or made, and a key is only
        // given to a new FAQ when no FAQ has it (the lookup) and no earlier row did (checkRows).
        const change = this.faqs.plan(
          manager,
          actor,
          {
            key: existing ? undefined : (dto.id ?? null),
            topicId: topicIdOf.get(dto),
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
        if (change) changes.push(change);
        const outcome = !existing ? 'created' : change ? 'updated' : 'unchanged';
        return { row, outcome, faq: change?.faq ?? existing! };
      },
    );
    await this.faqs.save(manager, actor, changes);
    // New FAQs have their ids once saved.
    return results.map(({ faq, ...result }) => (faq ? { ...result, id: faq.id } : result));
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

/**
 * Looks up, with one query, the FAQs that import ids name: by id (a UUID, in any case) or by
 * key. An id that is both one FAQ's id and another's key finds the former.
 */
async function findByIdsOrKeys(
  manager: EntityManager,
  ids: string[],
): Promise<(id: string) => FaqEntity | null> {
  const uuids = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
  const faqs = ids.length
    ? await manager
        .createQueryBuilder(FaqEntity, 'f')
        .where('f.id = ANY(CAST(:uuids AS uuid[])) OR f.key = ANY(CAST(:ids AS varchar[]))', {
          uuids,
          ids,
        })
        .getMany()
    : [];
  const byId = new Map(faqs.map((faq) => [faq.id, faq]));
  const byKey = new Map(faqs.flatMap((faq) => (faq.key ? [[faq.key, faq]] : [])));
  return (id) => (UUID.test(id) ? byId.get(id.toLowerCase()) : undefined) ?? byKey.get(id) ?? null;
}
