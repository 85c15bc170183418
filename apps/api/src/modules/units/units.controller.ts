import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Page, ROLES, UNIT_WRITERS, UnitImportResponse, UnitResponse } from '@gcm/domain';
import type { Request } from 'express';
import { Actor, CurrentActor, CurrentUser, Roles } from '../../common/decorators/access.decorators';
import { csvBody } from '../../common/http/csv-body';
import type { AuthUser } from '../auth/auth-user';
import {
  CreateUnitDto,
  toUnitResponse,
  UnitImportQueryDto,
  UnitListQueryDto,
  UpdateUnitDto,
} from './dto/unit.dto';
import { UnitImportService } from './unit-import.service';
import { UnitsService } from './units.service';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly importer: UnitImportService,
  ) {}

  @Get()
  @Roles(...ROLES)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: UnitListQueryDto,
  ): Promise<Page<UnitResponse>> {
    const [items, total] = await this.units.list(user, query);
    return { items: items.map(toUnitResponse), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('import')
  @Roles(...UNIT_WRITERS)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'code,name,kind,parent_code\nP-X,Phường X,commune,TP-BK' },
  })
  importCsv(
    @CurrentActor() actor: Actor,
    @Query() query: UnitImportQueryDto,
    @Req() req: Request,
  ): Promise<UnitImportResponse> {
    return this.importer.import(actor, csvBody(req), query.dryRun ?? false);
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<UnitResponse> {
    return toUnitResponse(await this.units.get(user, id));
  }

  @Post()
  @Roles(...UNIT_WRITERS)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto): Promise<UnitResponse> {
    return toUnitResponse(await this.units.create(actor, body));
  }

  @Patch(':id')
  @Roles(...UNIT_WRITERS)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitResponse> {
    return toUnitResponse(await this.units.update(actor, id, body));
  }

  @Delete(':id')
  @Roles(...UNIT_WRITERS)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.units.remove(actor, id);
  }

  @Post(':id/restore')
  @Roles(...UNIT_WRITERS)
  @HttpCode(200)
  async restore(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<UnitResponse> {
    return toUnitResponse(await this.units.restore(actor, id));
  }
}
