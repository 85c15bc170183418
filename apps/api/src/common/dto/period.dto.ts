import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  shiftIsoDate,
  isoDaysInPeriod,
  isIsoDate,
  startOfLocalDay,
  localIsoDateOf,
} from '@gcm/domain';
import { ValidateBy } from 'class-validator';
import { AppError } from '../errors/app-error';
import { Optional } from '../validation/optional';

const IsDay = () =>
  ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: (value) => isIsoDate(value),
      defaultMessage: (args) => `${args?.property} must be a day written YYYY-MM-DD`,
    },
  });

/** A period of whole days in Vietnam's time, `from` and `to` included (both optional). */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First day (Asia/Ho_Chi_Minh)' })
  @Optional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-07', description: 'Last day (Asia/Ho_Chi_Minh)' })
  @Optional()
  @IsDay()
  to?: string;
}

export interface ResolvedPeriod {
  from: string;
  to: string;
  /** The instant `from` begins in Vietnam. */
  start: Date;
  /** The instant after `to` ends in Vietnam (exclusive). */
  end: Date;
}

/**
 * The days a query covers: `to` defaults to today in Vietnam, `from` to `defaultDays` days
 * ending on `to`. A period that ends before it starts, or is longer than `maxDays`, is refused
 * (400 naming `from`).
 */
export function resolvePeriod(
  query: PeriodQueryDto,
  { defaultDays, maxDays, now = new Date() }: { defaultDays: number; maxDays: number; now?: Date },
): ResolvedPeriod {
  const to = query.to ?? localIsoDateOf(now);
  const from = query.from ?? shiftIsoDate(to, -(defaultDays - 1));
  const length = isoDaysInPeriod(from, to);
  if (length === 0)
    throw AppError.validation([{ field: 'from', message: 'from must not be after to' }]);
  if (length > maxDays) {
    throw AppError.validation([
      { field: 'from', message: `the period must be at most ${maxDays} days` },
    ]);
  }
  return { from, to, start: startOfLocalDay(from), end: startOfLocalDay(shiftIsoDate(to, 1)) };
}
