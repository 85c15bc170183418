import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvRowError, UnitImportResponse, UnitKind, parentProblem } from '@gcm/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { csvInvalid, type CsvTableSpec, readCsvTable } from '../../common/csv/csv-table';
import type { Actor } from '../../common/decorators/access.decorators';
import { AuditService } from '../audit/audit.service';
import { CreateUnitDto } from './dto/unit.dto';
import { UnitEntity } from './unit.entity';

/** CSV column → DTO field. `code`, `name` and `kind` are required; the rest optional. */
const COLUMNS: Record<string, keyof CreateUnitDto | 'parentCode'> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  parent_code: 'parentCode',
  contact_name: 'contactName',
  contact_phone: 'contactPhone',
  contact_email: 'contactEmail',
  address: 'address',
};
const CSV_SPEC: CsvTableSpec = {
  columns: Object.keys(COLUMNS),
  required: ['code', 'name', 'kind'],
  maxRows: 5_000,
  rowName: { one: 'unit', many: 'units' },
};

interface ParsedRow {
  line: number;
  dto: CreateUnitDto;
  parentCode: string | null;
}

/**
 * Imports units from CSV, all or nothing: every row is checked first (fields, duplicate
 * codes, parents in the database or earlier/later in the file, hierarchy rules); any
 * problem rejects the whole file with one error per line. Existing codes are updated.
 */
@Injectable()
export class UnitImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, csv: string, dryRun: boolean): Promise<UnitImportResponse> {
    const { rows, errors } = parseRows(csv);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(UnitEntity, { withDeleted: true });
      const byCode = new Map(existing.map((u) => [u.code.toLowerCase(), u]));
      const plan = checkRows(rows, byCode, errors);
      let created = 0;
      let updated = 0;
      for (const row of plan) {
        const current = byCode.get(row.dto.code.toLowerCase());
        if (current) updated++;
        else created++;
        if (dryRun) continue;
        const parentId = row.parentCode ? byCode.get(row.parentCode.toLowerCase())!.id : null;
        byCode.set(
          row.dto.code.toLowerCase(),
          await this.write(manager, actor, row.dto, parentId, current),
        );
      }
      return { created, updated, dryRun };
    });
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    dto: CreateUnitDto,
    parentId: string | null,
    current: UnitEntity | undefined,
  ): Promise<UnitEntity> {
    const fields = {
      name: dto.name,
      kind: dto.kind,
      parentId,
      contactName: dto.contactName ?? null,
      contactPhone: dto.contactPhone ?? null,
      contactEmail: dto.contactEmail ?? null,
      address: dto.address ?? null,
    };
    if (!current) {
      const unit = await manager.save(manager.create(UnitEntity, { code: dto.code, ...fields }));
      await this.audit.record(manager, actor, {
        action: 'unit.import_create',
        entityType: 'unit',
        entityId: unit.id,
        after: unit,
      });
      return unit;
    }
    const before = { ...current };
    const unit = await manager.save(Object.assign(current, fields));
    await this.audit.record(manager, actor, {
      action: 'unit.import_update',
      entityType: 'unit',
      entityId: unit.id,
      before,
      after: unit,
    });
    return unit;
  }
}

/** Reads the file; a row whose own fields are wrong is reported and left out of `rows`. */
function parseRows(csv: string): { rows: ParsedRow[]; errors: CsvRowError[] } {
  const { columns, rows: body } = readCsvTable(csv, CSV_SPEC);
  const errors: CsvRowError[] = [];
  const rows: ParsedRow[] = [];
  body.forEach(({ line, cells }) => {
    const before = errors.length;
    if (cells.length !== columns.length) {
      errors.push({ line, message: `expected ${columns.length} values, found ${cells.length}` });
    }
    const raw: Record<string, string | null> = {};
    columns.forEach(
      (c, i) => (raw[COLUMNS[c]] = cells[i] === undefined || cells[i] === '' ? null : cells[i]),
    );
    const { parentCode, ...fields } = raw;
    const dto = plainToInstance(CreateUnitDto, fields);
    for (const e of validateSync(dto, { whitelist: true })) {
      errors.push({
        line,
        field: e.property,
        message: Object.values(e.constraints ?? {}).join('; '),
      });
    }
    if (errors.length === before) rows.push({ line, dto, parentCode: parentCode ?? null });
  });
  return { rows, errors };
}

/**
 * Checks codes and parents across the file and the database, adding to `errors` (which may
 * already hold per-row problems); throws them all at once, or returns the rows parents-first.
 */
function checkRows(
  rows: ParsedRow[],
  byCode: Map<string, UnitEntity>,
  errors: CsvRowError[],
): ParsedRow[] {
  const inFile = new Map<string, ParsedRow>();
  for (const row of rows) {
    const key = row.dto.code.toLowerCase();
    const first = inFile.get(key);
    if (first)
      errors.push({
        line: row.line,
        field: 'code',
        message: `code ${row.dto.code} already appears on line ${first.line}`,
      });
    else inFile.set(key, row);
    if (byCode.get(key)?.deletedAt) {
      errors.push({
        line: row.line,
        field: 'code',
        message: `code ${row.dto.code} belongs to a deleted unit; restore it first`,
      });
    }
  }
  const kindOf = (code: string): UnitKind | undefined => {
    const key = code.toLowerCase();
    return (
      inFile.get(key)?.dto.kind ?? (byCode.get(key)?.deletedAt ? undefined : byCode.get(key)?.kind)
    );
  };
  for (const row of rows) {
    const parentKind = row.parentCode ? kindOf(row.parentCode) : null;
    if (parentKind === undefined) {
      errors.push({
        line: row.line,
        field: 'parent_code',
        message: `no unit with code ${row.parentCode} in the file or the system`,
      });
      continue;
    }
    const problem = parentProblem(row.dto.kind, parentKind);
    if (problem) errors.push({ line: row.line, field: 'parent_code', message: problem });
  }
  const ordered = errors.length ? [] : orderParentsFirst(rows, inFile, errors);
  if (errors.length) throw csvInvalid(errors.sort((a, b) => a.line - b.line));
  return ordered;
}

function orderParentsFirst(
  rows: ParsedRow[],
  inFile: Map<string, ParsedRow>,
  errors: CsvRowError[],
): ParsedRow[] {
  const done = new Set<ParsedRow>();
  const visiting = new Set<ParsedRow>();
  const ordered: ParsedRow[] = [];
  const visit = (row: ParsedRow): void => {
    if (done.has(row)) return;
    if (visiting.has(row)) {
      errors.push({
        line: row.line,
        field: 'parent_code',
        message: 'the parent codes form a loop',
      });
      return;
    }
    visiting.add(row);
    const parent = row.parentCode ? inFile.get(row.parentCode.toLowerCase()) : undefined;
    if (parent) visit(parent);
    visiting.delete(row);
    done.add(row);
    ordered.push(row);
  };
  rows.forEach(visit);
  return ordered;
}
