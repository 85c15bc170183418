import { Controller, Get, Headers, HttpCode, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FileSourceResponse } from '@gcm/domain';
import type { Request } from 'express';
import { Public } from '../../common/decorators/access.decorators';
import { ApiErrors } from '../../common/decorators/openapi.decorators';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { TipPhotosService } from './tip-photos.service';

/**
 * The bot instances' side of fetching files (service token): the outbox's `fetch_file` item
 * names a key (`tip_photo:<entry id>`); the bot reads the platform's reference here, downloads
 * the file from the platform and uploads its bytes back (the body as is, not JSON).
 */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('bot/files')
@Public()
@UseGuards(BotTokenGuard)
export class BotFilesController {
  constructor(private readonly photos: TipPhotosService) {}

  @Get(':key')
  @ApiErrors([404, 'not_found: nothing to fetch under this key'], [503, 'tips_not_configured'])
  source(@Param('key') key: string): Promise<FileSourceResponse> {
    return this.photos.source(key);
  }

  @Put(':key')
  @HttpCode(204)
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp', 'application/octet-stream')
  @ApiErrors(
    [400, 'tip_photo_invalid: empty, or not a JPEG, PNG or WebP image by its bytes'],
    [404, 'not_found: nothing to fetch under this key'],
    [413, 'payload_too_large: over 10 MB'],
    [503, 'tips_not_configured'],
  )
  store(
    @Param('key') key: string,
    @Req() req: Request,
    @Headers('content-type') contentType?: string,
  ): Promise<void> {
    return this.photos.store(key, req.body, contentType);
  }
}
