import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ArticleResponse, Page, ROLES, Role } from '@gcm/domain';
import { Actor, CurrentActor, Public, Roles } from '../../common/decorators/access.decorators';
import { PublicThrottlerGuard } from '../../common/throttling/scoped-throttler.guard';
import { ArticlesService } from './articles.service';
import {
  ArticleListQueryDto,
  CreateArticleDto,
  toArticleResponse,
  UpdateArticleDto,
} from './dto/article.dto';

@ApiTags('knowledge')
@Controller('knowledge/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @Roles(...ROLES)
  async list(@Query() query: ArticleListQueryDto): Promise<Page<ArticleResponse>> {
    const [items, total] = await this.articles.list(query, false);
    return {
      items: items.map(toArticleResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Post()
  @Roles(Role.Admin, Role.Editor)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateArticleDto,
  ): Promise<ArticleResponse> {
    return toArticleResponse(await this.articles.create(actor, body));
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ArticleResponse> {
    return toArticleResponse(await this.articles.get(id, false));
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Editor)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateArticleDto,
  ): Promise<ArticleResponse> {
    return toArticleResponse(await this.articles.update(actor, id, body));
  }
}

/** Published articles and warnings for the government portal. */
@ApiTags('public')
@Controller('public/articles')
@Public()
@UseGuards(PublicThrottlerGuard)
export class PublicArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  async list(@Query() query: ArticleListQueryDto): Promise<Page<ArticleResponse>> {
    const [items, total] = await this.articles.list({ ...query, status: undefined }, true);
    return {
      items: items.map(toArticleResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ArticleResponse> {
    return toArticleResponse(await this.articles.get(id, true));
  }
}
