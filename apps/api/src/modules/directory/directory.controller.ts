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
import {
  DIRECTORY_WRITERS,
  Page,
  ROLES,
  SupportContactImportResponse,
  SupportContactResponse,
} from '@gcm/domain';
import type { Request } from 'express';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { csvBody } from '../../common/http/csv-body';
import { ContactImportService } from './contact-import.service';
import { DirectoryService } from './directory.service';
import {
  SupportContactDto,
  SupportContactImportQueryDto,
  SupportContactListQueryDto,
  toSupportContactResponse,
  UpdateSupportContactDto,
} from './dto/support-contact.dto';

@ApiTags('directory')
@Controller('directory/contacts')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly importer: ContactImportService,
  ) {}

  @Get()
  @Roles(...ROLES)
  async list(@Query() query: SupportContactListQueryDto): Promise<Page<SupportContactResponse>> {
    const [items, total] = await this.directory.list(query);
    return {
      items: items.map(toSupportContactResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Post('import')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'name,kind,phone,units,topics\nCông an phường X,police,0209 0000 000,P-X,Mua bán người',
    },
  })
  importCsv(
    @CurrentActor() actor: Actor,
    @Query() query: SupportContactImportQueryDto,
    @Req() req: Request,
  ): Promise<SupportContactImportResponse> {
    return this.importer.import(actor, csvBody(req), query.dryRun ?? false);
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SupportContactResponse> {
    return toSupportContactResponse(await this.directory.get(id));
  }

  @Post()
  @Roles(...DIRECTORY_WRITERS)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: SupportContactDto,
  ): Promise<SupportContactResponse> {
    return toSupportContactResponse(await this.directory.create(actor, body));
  }

  @Patch(':id')
  @Roles(...DIRECTORY_WRITERS)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSupportContactDto,
  ): Promise<SupportContactResponse> {
    return toSupportContactResponse(await this.directory.update(actor, id, body));
  }

  @Delete(':id')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.directory.remove(actor, id);
  }
}
