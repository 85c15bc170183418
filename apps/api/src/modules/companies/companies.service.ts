import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CompanyCheckResponse,
  type CompanyImportResponse,
  type CompanyListInfo,
  type CsvRowError,
  ErrorCode,
  foldDiacritics,
  type LicensedCompanyResponse,
  parseCompanyStatus,
  searchCompanies,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { escapeLike } from '../users/users.service';
import { CompanyListEntity, LicensedCompanyEntity } from './licensed-company.entity';

/** Header words of the ministry's list (folded) → our field. */
const HEADERS: Record<string, keyof Omit<LicensedCompanyResponse, 'id'>> = {
  name: 'name',
  ten: 'name',
  'ten doanh nghiep': 'name',
  'ten cong ty': 'name',
  'doanh nghiep': 'name',
  licence_number: 'licenceNumber',
  'so giay phep': 'licenceNumber',
  'giay phep': 'licenceNumber',
  'so gp': 'licenceNumber',
  licensed_on: 'licensedOn',
  'ngay cap': 'licensedOn',
  'ngay cap giay phep': 'licensedOn',
  'ngay cap phep': 'licensedOn',
  status: 'status',
  'tinh trang': 'status',
  'trang thai': 'status',
  address: 'address',
  'dia chi': 'address',
  'tru so': 'address',
  'dia chi tru so chinh': 'address',
};
const REQUIRED: (keyof LicensedCompanyResponse)[] = ['name', 'licenceNumber', 'status'];
const MAX_ROWS = 5_000;

const invalid = (errors: CsvRowError[]) =>
  new AppError(
    ErrorCode.CsvInvalid,
    400,
    `The list has ${errors.length} problem(s); nothing was imported. Fix the listed lines and try again.`,
    errors,
  );

export function toCompanyResponse(c: LicensedCompanyEntity): LicensedCompanyResponse {
  return {
    id: c.id,
    name: c.name,
    licenceNumber: c.licenceNumber,
    licensedOn: c.licensedOn,
    status: c.status,
    address: c.address,
  };
}

export function toListInfo(l: CompanyListEntity): CompanyListInfo {
  return {
    listDate: l.listDate,
    importedAt: l.importedAt.toISOString(),
    source: l.source,
    sample: l.sample,
    companyCount: l.companyCount,
  };
}

/**
 * The licensed enterprises list: imported whole (CSV or XLSX, the ministry's column names in
 * Vietnamese or ours), each import replacing the last, and searched by name or licence number.
 */
@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async currentList(manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(CompanyListEntity, { where: {}, order: { importedAt: 'DESC' } });
  }

  async list(query: { search?: string; page: number; pageSize: number }) {
    const list = await this.currentList();
    if (!list) return { list: null, items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(LicensedCompanyEntity)
      .createQueryBuilder('c')
      .where('c.list_id = :id', { id: list.id })
      .orderBy('c.name', 'ASC');
    if (query.search) {
      const s = `%${escapeLike(query.search.normalize('NFC'))}%`;
      qb.andWhere('(unaccent(c.name) ILIKE unaccent(:s) OR c.licence_number ILIKE :s)', { s });
    }
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { list: toListInfo(list), items: items.map(toCompanyResponse), total };
  }

  /** Whether the text names a company of the current list: a sure match or up to three close. */
  async check(text: string, manager: EntityManager = this.dataSource.manager) {
    const list = await this.currentList(manager);
    if (!list) return { list: null, match: null, candidates: [] } satisfies CompanyCheckResponse;
    const companies = await manager.find(LicensedCompanyEntity, { where: { listId: list.id } });
    const { match, candidates } = searchCompanies(text, companies);
    return {
      list: toListInfo(list),
      match: match ? toCompanyResponse(match) : null,
      candidates: candidates.map(toCompanyResponse),
    } satisfies CompanyCheckResponse;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager) {
    const list = await this.currentList(manager);
    if (!list) return null;
    const company = await manager.findOne(LicensedCompanyEntity, {
      where: { id, listId: list.id },
    });
    return company ? { list: toListInfo(list), company: toCompanyResponse(company) } : null;
  }

  /** Replaces the list with `table` (header first), all or nothing; audited. */
  async import(
    actor: Actor | null,
    table: string[][],
    options: { listDate: string | null; source: string | null; sample: boolean; dryRun: boolean },
  ): Promise<CompanyImportResponse> {
    const rows = readTable(table);
    if (options.dryRun) return { companies: rows.length, dryRun: true };
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.currentList(manager);
      const list = await manager.save(
        manager.create(CompanyListEntity, {
          listDate: options.listDate,
          source: options.source,
          sample: options.sample,
          companyCount: rows.length,
          importedBy: actor?.user.id ?? null,
        }),
      );
      await manager.query(`DELETE FROM licensed_companies WHERE list_id <> $1`, [list.id]);
      for (let i = 0; i < rows.length; i += 500) {
        await manager.insert(
          LicensedCompanyEntity,
          rows.slice(i, i + 500).map((row) => ({ ...row, listId: list.id })),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'company_list.import',
        entityType: 'company_list',
        entityId: list.id,
        before: previous ? toListInfo(previous) : undefined,
        after: toListInfo(list),
      });
      return { companies: rows.length, dryRun: false };
    });
  }
}

type CompanyRow = Omit<LicensedCompanyResponse, 'id'>;

/** The rows of the list, checked; every problem at once, by line (the header is line 1). */
function readTable(table: string[][]): CompanyRow[] {
  const [header = [], ...body] = table.filter((cells) => cells.some((c) => c.trim() !== ''));
  const fields = header.map((h) => HEADERS[fold(h)] ?? null);
  const missing = REQUIRED.filter((f) => !fields.includes(f as keyof CompanyRow));
  if (missing.length > 0) {
    throw invalid([
      {
        line: 1,
        message: `missing column(s) ${missing.join(', ')}; the header may use: ${Object.keys(HEADERS).join(', ')}`,
      },
    ]);
  }
  if (body.length === 0) throw invalid([{ line: 2, message: 'The list has no companies.' }]);
  if (body.length > MAX_ROWS)
    throw invalid([{ line: MAX_ROWS + 2, message: `At most ${MAX_ROWS} companies per list.` }]);
  const errors: CsvRowError[] = [];
  const rows = body.map((cells, index) => {
    const line = index + 2;
    const raw: Partial<Record<keyof CompanyRow, string>> = {};
    fields.forEach((f, i) => {
      if (f) raw[f] = (cells[i] ?? '').normalize('NFC').trim();
    });
    const status = parseCompanyStatus(raw.status ?? '');
    const licensedOn = isoDay(raw.licensedOn);
    if (!raw.name || raw.name.length > 300)
      errors.push({ line, field: 'name', message: 'a name of 1–300 characters is required' });
    if (!raw.licenceNumber || raw.licenceNumber.length > 64)
      errors.push({ line, field: 'licence_number', message: 'a licence number is required' });
    if (!status)
      errors.push({
        line,
        field: 'status',
        message: `"${raw.status ?? ''}" is not a status: write Đang hoạt động, Đình chỉ or Thu hồi`,
      });
    if (licensedOn === undefined)
      errors.push({
        line,
        field: 'licensed_on',
        message: `"${raw.licensedOn}" is not a day as dd/mm/yyyy`,
      });
    return {
      name: raw.name ?? '',
      licenceNumber: raw.licenceNumber ?? '',
      licensedOn: licensedOn ?? null,
      status: status ?? 'active',
      address: raw.address ? raw.address.slice(0, 300) : null,
    };
  });
  if (errors.length > 0) throw invalid(errors);
  return rows;
}

function fold(text: string): string {
  return foldDiacritics(text.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9_ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** dd/mm/yyyy or yyyy-mm-dd as yyyy-mm-dd; null when empty; undefined when not a day. */
export function isoDay(value: string | undefined): string | null | undefined {
  const text = value?.trim();
  if (!text) return null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return undefined;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCDate() !== Number(d) || day.getUTCMonth() !== Number(m) - 1) return undefined;
  return day.toISOString().slice(0, 10);
}
