import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type Page,
  TIP_CONTENT_ROLES,
  TIP_LIST_READERS,
  type TipDetailResponse,
  type TipEntryResponse,
  type TipSummaryResponse,
} from '@gcm/domain';
import { Actor, CurrentActor, CurrentUser, Roles } from '../../common/decorators/access.decorators';
import { ApiErrors } from '../../common/decorators/openapi.decorators';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { TipListQueryDto, TipReplyDto } from './dto/tip.dto';
import { TipPhotosService } from './tip-photos.service';
import { TipsService } from './tips.service';

/**
 * Confidential reports. Every staff role lists them (that they exist); the content and replies
 * are for officers of the police unit serving the report's area, checked on each request.
 */
@ApiTags('tips')
@Controller('tips')
export class TipsController {
  constructor(
    private readonly tips: TipsService,
    private readonly photos: TipPhotosService,
  ) {}

  @Get()
  @Roles(...TIP_LIST_READERS)
  @ApiErrors(400)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: TipListQueryDto,
  ): Promise<Page<TipSummaryResponse>> {
    return this.tips.list(user, query);
  }

  @Get(':id')
  @Roles(...TIP_LIST_READERS)
  @ApiErrors(
    [403, 'tip_content_forbidden: not an officer of the police serving the area'],
    [404, 'tip_not_found'],
    [410, 'tip_content_deleted'],
    [503, 'tips_not_configured'],
  )
  read(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TipDetailResponse> {
    return this.tips.read(actor, id);
  }

  @Post(':id/replies')
  @Roles(...TIP_CONTENT_ROLES)
  @ApiErrors(
    400,
    [403, 'tip_content_forbidden'],
    [404, 'tip_not_found'],
    [409, 'tip_not_reachable'],
    [410, 'tip_content_deleted'],
    [503, 'tips_not_configured'],
  )
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TipReplyDto,
  ): Promise<TipEntryResponse> {
    return this.tips.reply(actor, id, body.text);
  }

  /** A photo of the report, shown inline in the console; never cached, each view audited. */
  @Get(':id/photos/:entryId')
  @Roles(...TIP_LIST_READERS)
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The photo, with its type' })
  @ApiErrors(
    [403, 'tip_content_forbidden'],
    [404, 'tip_not_found, or tip_photo_not_stored while it is fetched or when it failed'],
    [410, 'tip_content_deleted'],
    [503, 'tips_not_configured'],
  )
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Res() res: Response,
  ): Promise<void> {
    const photo = await this.photos.view(actor, id, entryId);
    res
      .status(200)
      .setHeader('Content-Type', photo.mimeType)
      .setHeader('Content-Disposition', 'inline')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .end(photo.content);
  }
}
