import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CsvRowError, foldDiacritics, type SupportContactImportResponse } from '@gcm/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { csvInvalid, type CsvTableSpec, readCsvTable } from '../../common/csv/csv-table';
import type { Actor } from '../../common/decorators/access.decorators';
import { DirectoryService } from './directory.service';
import { SupportContactDto } from './dto/support-contact.dto';
import { SupportContactEntity } from './support-contact.entity';

/**
 * CSV columns. `name` and `kind` are required. `units`: unit codes separated by ";" (empty: the
 * whole country); `topics`: topic names separated by ";" (empty: any topic); `review_due_on`:
 * dd/mm/yyyy or yyyy-mm-dd; `sample`: "có"/"yes"/"true"/"1" marks sample data.
 */
export const CONTACT_COLUMNS = [
  'name',
  'kind',
  'phone',
  'address',
  'opening_hours',
  'notes',
  'units',
  'topics',
  'review_due_on',
  'sample',
] as const;
const CSV_SPEC: CsvTableSpec = {
  columns: CONTACT_COLUMNS,
  required: ['name', 'kind'],
  maxRows: 2_000,
  rowName: { one: 'contact', many: 'contacts' },
};
const YES = new Set(['co', 'yes', 'true', '1', 'x']);

/**
 * Imports support contacts from CSV, all or nothing: every line is checked (fields, unit codes,
 * topic names, names repeated in the file) before anything is written; a contact whose name is
 * already in the directory is updated, the others created. Each write is audited.
 */
@Injectable()
export class ContactImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  async import(actor: Actor, csv: string, dryRun: boolean): Promise<SupportContactImportResponse> {
    const records = readCsv(csv);
    return this.dataSource.transaction(async (manager) => {
      const units: { id: string; code: string }[] = await manager.query(
        `SELECT id, code FROM units WHERE deleted_at IS NULL`,
      );
      const topics: { id: string; name: string }[] = await manager.query(
        `SELECT id, name FROM topics`,
      );
      const unitByCode = new Map(units.map((u) => [u.code.toLowerCase(), u.id]));
      const topicByName = new Map(topics.map((t) => [fold(t.name), t.id]));
      const existing = await manager.find(SupportContactEntity);
      const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
      const errors: CsvRowError[] = [];
      const seen = new Map<string, number>();
      const plan: { dto: SupportContactDto; current?: SupportContactEntity }[] = [];
      for (const { line, raw } of records) {
        const before = errors.length;
        const list = (value: string | undefined) =>
          (value ?? '')
            .split(';')
            .map((v) => v.trim())
            .filter(Boolean);
        const unitIds = list(raw.units).map((code) => {
          const id = unitByCode.get(code.toLowerCase());
          if (!id) errors.push({ line, field: 'units', message: `no unit has the code ${code}` });
          return id ?? '';
        });
        const topicIds = list(raw.topics).map((name) => {
          const id = topicByName.get(fold(name));
          if (!id) errors.push({ line, field: 'topics', message: `no topic is named "${name}"` });
          return id ?? '';
        });
        const reviewDueOn = isoDay(raw.review_due_on);
        if (reviewDueOn === undefined)
          errors.push({
            line,
            field: 'review_due_on',
            message: `"${raw.review_due_on}" is not a day as dd/mm/yyyy`,
          });
        const dto = plainToInstance(SupportContactDto, {
          name: raw.name,
          kind: raw.kind,
          phone: raw.phone || null,
          address: raw.address || null,
          openingHours: raw.opening_hours || null,
          notes: raw.notes || null,
          unitIds,
          topicIds,
          reviewDueOn: reviewDueOn ?? null,
          sample: YES.has(fold(raw.sample ?? '')),
        });
        for (const e of validateSync(dto, { whitelist: true })) {
          if (e.property === 'unitIds' || e.property === 'topicIds') continue;
          errors.push({
            line,
            field: e.property,
            message: Object.values(e.constraints ?? {}).join('; '),
          });
        }
        const key = (dto.name ?? '').toLowerCase();
        const first = seen.get(key);
        if (first) errors.push({ line, field: 'name', message: `repeats line ${first}` });
        else seen.set(key, line);
        if (errors.length === before) plan.push({ dto, current: byName.get(key) });
      }
      if (errors.length > 0) throw csvInvalid(errors);
      const created = plan.filter((p) => !p.current).length;
      if (!dryRun) {
        for (const { dto, current } of plan) {
          if (current) await this.directory.updateIn(manager, actor, current.id, dto);
          else await this.directory.createIn(manager, actor, dto);
        }
      }
      return { created, updated: plan.length - created, dryRun };
    });
  }
}

function fold(text: string): string {
  return foldDiacritics(text.normalize('NFC').trim().toLowerCase());
}

/** dd/mm/yyyy or yyyy-mm-dd as yyyy-mm-dd; null when empty; undefined when not a day. */
function isoDay(value: string | undefined): string | null | undefined {
  const text = value?.trim();
  if (!text) return null;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return undefined;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCDate() !== Number(d) || day.getUTCMonth() !== Number(m) - 1) return undefined;
  return day.toISOString().slice(0, 10);
}

function readCsv(csv: string): { line: number; raw: Record<string, string | undefined> }[] {
  const { columns, rows } = readCsvTable(csv, CSV_SPEC);
  return rows.map(({ line, cells }) => ({
    line,
    raw: Object.fromEntries(columns.map((c, i) => [c, cells[i]])),
  }));
}
