import { Controller, Get, Headers, HttpCode, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type FileSourceResponse } from '@gcm/domain';
import type { Request } from 'express';
import { Public } from '../../common/decorators/access.decorators';
import { ApiErrors } from '../../common/decorators/openapi.decorators';
import { AppError } from '../../common/errors/app-error';
import { BotTokenGuard } from '../../common/guards/bot-token.guard';
import { TaskUpdateFilesService } from '../plan/task-update-files.service';
import { TipPhotosService } from '../tips/tip-photos.service';

/**
 * The bot instances' side of fetching files (service token): an outbox `fetch_file` item names a
 * key, `tip_photo:<entry id>` (a confidential report's photo) or `task_update:<id>` (a task
 * update's file); the bot reads the platform's reference here, downloads the file from the
 * platform and uploads its bytes back (the body as is, not JSON). The feature that owns the key
 * checks and keeps the file.
 */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('bot/files')
@Public()
@UseGuards(BotTokenGuard)
export class BotFilesController {
  constructor(
    private readonly tipPhotos: TipPhotosService,
    private readonly taskUpdateFiles: TaskUpdateFilesService,
  ) {}

  @Get(':key')
  @ApiErrors([404, 'not_found: nothing to fetch under this key'], [503, 'tips_not_configured'])
  source(@Param('key') key: string): Promise<FileSourceResponse> {
    const [kind, id] = splitKey(key);
    return kind === 'tip_photo' ? this.tipPhotos.source(key) : this.taskUpdateFiles.source(id);
  }

  @Put(':key')
  @HttpCode(204)
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp', 'application/octet-stream')
  @ApiErrors(
    [
      400,
      'tip_photo_invalid or validation_failed: empty, or a photo that is not a JPEG, PNG or WebP image by its bytes',
    ],
    [404, 'not_found: nothing to fetch under this key'],
    [413, 'payload_too_large: over 10 MB (a report photo) or 5 MB (a task update file)'],
    [503, 'tips_not_configured'],
  )
  store(
    @Param('key') key: string,
    @Req() req: Request,
    @Headers('content-type') contentType?: string,
  ): Promise<void> {
    const [kind, id] = splitKey(key);
    return kind === 'tip_photo'
      ? this.tipPhotos.store(key, req.body, contentType)
      : this.taskUpdateFiles.store(id, req.body);
  }
}

function splitKey(key: string): ['tip_photo' | 'task_update', string] {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  if (at < 0 || (kind !== 'tip_photo' && kind !== 'task_update'))
    throw new AppError(
      ErrorCode.NotFound,
      404,
      `No file is fetched under the key "${key.slice(0, 80)}".`,
    );
  return [kind, key.slice(at + 1)];
}
