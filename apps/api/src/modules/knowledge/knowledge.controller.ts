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
  Res,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  FaqImportReport,
  FaqResponse,
  FaqVersionResponse,
  GlossaryTermResponse,
  Page,
  ROLES,
  Role,
  SynonymResponse,
  TopicResponse,
} from '@gcm/domain';
import type { Request, Response } from 'express';
import { Actor, CurrentActor, CurrentUser, Roles } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { XLSX_MIME } from '../../common/http/media-types';
import type { AuthUser } from '../auth/auth-user';
import { DictionaryService } from './dictionary.service';
import {
  CreateGlossaryTermDto,
  CreateSynonymDto,
  toGlossaryTermResponse,
  toSynonymResponse,
  UpdateGlossaryTermDto,
  UpdateSynonymDto,
} from './dto/dictionary.dto';
import {
  CreateFaqDto,
  FaqListQueryDto,
  toFaqResponse,
  toFaqVersionResponse,
  UpdateFaqDto,
} from './dto/faq.dto';
import { FaqExportQueryDto, FaqImportQueryDto, TransferFormat } from './dto/faq-transfer.dto';
import { CreateTopicDto, toTopicResponse, UpdateTopicDto } from './dto/topic.dto';
import { FaqTransferService } from './faq-transfer.service';
import { FaqsService } from './faqs.service';
import { TopicsService } from './topics.service';

const EDITORS = [Role.Admin, Role.Editor];

@ApiTags('knowledge')
@Controller('knowledge')
export class KnowledgeController {
  constructor(
    private readonly topics: TopicsService,
    private readonly faqs: FaqsService,
    private readonly transfer: FaqTransferService,
    private readonly dictionary: DictionaryService,
  ) {}

  @Get('topics')
  @Roles(...ROLES)
  async listTopics(): Promise<TopicResponse[]> {
    return (await this.topics.list()).map(toTopicResponse);
  }

  @Post('topics')
  @Roles(...EDITORS)
  async createTopic(
    @CurrentActor() actor: Actor,
    @Body() body: CreateTopicDto,
  ): Promise<TopicResponse> {
    return toTopicResponse({
      topic: await this.topics.create(actor, body.name, body.nameEn ?? null),
      publishedFaqCount: 0,
    });
  }

  @Patch('topics/:id')
  @Roles(...EDITORS)
  async updateTopic(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTopicDto,
  ): Promise<{ id: string; name: string; nameEn: string | null }> {
    const topic = await this.topics.update(actor, id, body);
    return { id: topic.id, name: topic.name, nameEn: topic.nameEn };
  }

  @Get('faqs')
  @Roles(...ROLES)
  async listFaqs(
    @CurrentUser() user: AuthUser,
    @Query() query: FaqListQueryDto,
  ): Promise<Page<FaqResponse>> {
    const [items, total] = await this.faqs.list(user, query);
    return { items: items.map(toFaqResponse), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('faqs')
  @Roles(...EDITORS)
  async createFaq(@CurrentActor() actor: Actor, @Body() body: CreateFaqDto): Promise<FaqResponse> {
    return toFaqResponse(await this.faqs.create(actor, body));
  }

  @Post('faqs/import')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv', XLSX_MIME)
  importFaqs(
    @CurrentActor() actor: Actor,
    @Query() query: FaqImportQueryDto,
    @Req() req: Request,
  ): Promise<FaqImportReport> {
    return this.transfer.import(actor, transferFormatOf(req), req.body, query);
  }

  @Get('faqs/export')
  @Roles(...EDITORS)
  async exportFaqs(@Query() query: FaqExportQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.transfer.export(query.format ?? 'json', query.status);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }

  @Get('faqs/:id')
  @Roles(...ROLES)
  async getFaq(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FaqResponse> {
    return toFaqResponse(await this.faqs.get(user, id));
  }

  @Patch('faqs/:id')
  @Roles(...EDITORS)
  async updateFaq(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateFaqDto,
  ): Promise<FaqResponse> {
    return toFaqResponse(await this.faqs.update(actor, id, body));
  }

  @Get('faqs/:id/versions')
  @Roles(...EDITORS)
  async faqVersions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FaqVersionResponse[]> {
    return (await this.faqs.versions(user, id)).map(toFaqVersionResponse);
  }

  @Get('synonyms')
  @Roles(...ROLES)
  async listSynonyms(): Promise<SynonymResponse[]> {
    return (await this.dictionary.listSynonyms()).map(toSynonymResponse);
  }

  @Post('synonyms')
  @Roles(...EDITORS)
  async createSynonym(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSynonymDto,
  ): Promise<SynonymResponse> {
    return toSynonymResponse(await this.dictionary.createSynonym(actor, body));
  }

  @Patch('synonyms/:id')
  @Roles(...EDITORS)
  async updateSynonym(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSynonymDto,
  ): Promise<SynonymResponse> {
    return toSynonymResponse(await this.dictionary.updateSynonym(actor, id, body));
  }

  @Delete('synonyms/:id')
  @Roles(...EDITORS)
  @HttpCode(204)
  deleteSynonym(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.dictionary.remove(actor, 'synonym', id);
  }

  @Get('glossary')
  @Roles(...ROLES)
  async listGlossary(): Promise<GlossaryTermResponse[]> {
    return (await this.dictionary.listGlossary()).map(toGlossaryTermResponse);
  }

  @Post('glossary')
  @Roles(...EDITORS)
  async createGlossaryTerm(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGlossaryTermDto,
  ): Promise<GlossaryTermResponse> {
    return toGlossaryTermResponse(await this.dictionary.createGlossaryTerm(actor, body));
  }

  @Patch('glossary/:id')
  @Roles(...EDITORS)
  async updateGlossaryTerm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateGlossaryTermDto,
  ): Promise<GlossaryTermResponse> {
    return toGlossaryTermResponse(await this.dictionary.updateGlossaryTerm(actor, id, body));
  }

  @Delete('glossary/:id')
  @Roles(...EDITORS)
  @HttpCode(204)
  deleteGlossaryTerm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.dictionary.remove(actor, 'glossary', id);
  }
}

/** The import format, from the request's Content-Type. */
function transferFormatOf(req: Request): TransferFormat {
  if (req.is('application/json')) return 'json';
  if (req.is('text/csv')) return 'csv';
  if (req.is(XLSX_MIME)) return 'xlsx';
  throw new AppError(
    ErrorCode.UnsupportedMediaType,
    415,
    `Send the file as application/json, text/csv or ${XLSX_MIME}.`,
  );
}
