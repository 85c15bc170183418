import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { QUESTION_LOG_READERS, QuestionStatisticsResponse, STATISTICS_MAX_DAYS } from '@gcm/domain';
import { Roles } from '../../common/decorators/access.decorators';
import { PeriodQueryDto, resolvePeriod } from '../../common/dto/period.dto';
import { StatisticsService } from './statistics.service';

/** The dashboard's figures; the period defaults to the last 7 days (today included). */
@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('questions')
  @Roles(...QUESTION_LOG_READERS)
  questions(@Query() query: PeriodQueryDto): Promise<QuestionStatisticsResponse> {
    return this.statistics.questions(
      resolvePeriod(query, { defaultDays: 7, maxDays: STATISTICS_MAX_DAYS }),
    );
  }
}
