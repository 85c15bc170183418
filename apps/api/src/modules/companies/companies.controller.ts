import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  type CompanyCheckResponse,
  type CompanyImportResponse,
  type CompanyListInfo,
  DIRECTORY_WRITERS,
  ErrorCode,
  foldDiacritics,
  type LicensedCompanyResponse,
  ROLES,
} from '@gcm/domain';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Request } from 'express';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { PaginationQueryDto } from '../../common/dto/pagination.dto';
import { AppError } from '../../common/errors/app-error';
import { XLSX_MIME } from '../../common/http/media-types';
import { Optional } from '../../common/validation/optional';
import { CleanText, QueryBoolean } from '../../common/validation/transforms';
import { CompaniesService, isoDay } from './companies.service';
import { tableFromCsv, tableFromXlsx } from './company-sheet';

class CompanyListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

class CompanyCheckQueryDto {
  @CleanText()
  @IsString({ message: 'q is required: a company name or licence number' })
  @MinLength(2)
  @MaxLength(300)
  q: string;
}

class CompanyImportQueryDto {
  @ApiPropertyOptional({ description: 'The day the list is dated: dd/mm/yyyy or yyyy-mm-dd' })
  @Optional()
  @Matches(/^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/, {
    message: 'listDate must be a day as dd/mm/yyyy',
  })
  listDate?: string;

  @ApiPropertyOptional({ description: 'Where the list comes from (e.g. the ministry page)' })
  @Optional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({ description: 'A sample list (the demo’s), to be replaced' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  sample?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

const hasNameHeader = (cells: string[]) =>
  cells.some((c) =>
    /^(name|ten|ten doanh nghiep|ten cong ty)$/.test(foldDiacritics(c.toLowerCase()).trim()),
  );

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @Roles(...ROLES)
  async list(@Query() query: CompanyListQueryDto): Promise<{
    list: CompanyListInfo | null;
    items: LicensedCompanyResponse[];
    total: number;
    page: number;
    pageSize: number;
  }> {
    return { ...(await this.companies.list(query)), page: query.page, pageSize: query.pageSize };
  }

  @Get('check')
  @Roles(...ROLES)
  check(@Query() query: CompanyCheckQueryDto): Promise<CompanyCheckResponse> {
    return this.companies.check(query.q);
  }

  @Post('import')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(200)
  @ApiConsumes('text/csv', XLSX_MIME)
  async import(
    @CurrentActor() actor: Actor,
    @Query() query: CompanyImportQueryDto,
    @Req() req: Request,
  ): Promise<CompanyImportResponse> {
    let table: string[][];
    if (req.is(XLSX_MIME)) table = await tableFromXlsx(req.body, hasNameHeader);
    else if (req.is('text/csv') || req.is('text/plain')) table = tableFromCsv(req.body);
    else
      throw new AppError(
        ErrorCode.UnsupportedMediaType,
        415,
        `Send the list as the body, with Content-Type: text/csv or ${XLSX_MIME}.`,
      );
    return this.companies.import(actor, table, {
      listDate: query.listDate ? (isoDay(query.listDate) ?? null) : null,
      source: query.source ?? null,
      sample: query.sample ?? false,
      dryRun: query.dryRun ?? false,
    });
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const found = await this.companies.get(id);
    if (!found) throw new AppError(ErrorCode.NotFound, 404, 'No such company in the current list.');
    return found;
  }
}
