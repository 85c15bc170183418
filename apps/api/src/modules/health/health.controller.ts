import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@gcm/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/decorators/access.decorators';
import { APP_VERSION } from '../../config/app-info';
import type { DatabaseMode } from '../../database/data-source-options';
import { DatabaseAvailability } from '../../database/database-availability';
import { DATABASE_MODE } from '../../database/database.tokens';

/**
 * Liveness with a database round trip; 503 when the database does not answer (which starts the
 * outage's lines in the log, like a request that found the database away).
 */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
    private readonly availability: DatabaseAvailability,
  ) {}

  @Get('health')
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const up = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch((error: unknown) => {
        this.availability.unavailable(error);
        return false;
      });
    if (!up) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'ok' : 'degraded',
      database: up ? 'up' : 'down',
      databaseMode: this.mode,
      version: APP_VERSION,
    };
  }
}
