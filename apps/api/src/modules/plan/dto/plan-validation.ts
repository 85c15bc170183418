import type { ApiPropertyOptions } from '@nestjs/swagger';
import { isCalendarDate, isPlanYear, timeframeProblem } from '@gcm/domain';
import { registerDecorator, ValidateBy } from 'class-validator';

/** A task timeframe (`timeframeProblem` from @gcm/domain says what is wrong). */
export function IsTaskTimeframe(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTaskTimeframe',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => timeframeProblem(value) === null,
        defaultMessage: (args) => timeframeProblem(args?.value) ?? 'timeframe is not valid',
      },
    });
}

/**
 * A plan's last year, not before its first year `startField` of the same request. Checked only
 * when both are years (a wrong one has its own message); a PATCH sending one of them is
 * compared with the stored other by the service.
 */
export const IsYearNotBefore = (startField: string) =>
  ValidateBy({
    name: 'isYearNotBefore',
    constraints: [startField],
    validator: {
      validate: (value, args) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[startField];
        return !(isPlanYear(value) && isPlanYear(start) && value < start);
      },
      defaultMessage: (args) => `${args?.property} must not be before ${startField}`,
    },
  });

/** A real calendar day written `YYYY-MM-DD` (`isCalendarDate`: no 2021-02-30, 1945 to 2100). */
export const IsCalendarDay = () =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value) => isCalendarDate(value),
      defaultMessage: (args) =>
        `${args?.property} must be a real day written YYYY-MM-DD, from 1945 to 2100`,
    },
  });

/** The OpenAPI schema of `TaskTimeframe`. */
export const TIMEFRAME_SCHEMA: ApiPropertyOptions = {
  oneOf: [
    {
      type: 'object',
      description: 'Thường xuyên: ongoing for the whole plan',
      properties: { kind: { type: 'string', enum: ['ongoing'] } },
      required: ['kind'],
    },
    {
      type: 'object',
      description: 'From one day to another (inclusive)',
      properties: {
        kind: { type: 'string', enum: ['range'] },
        from: { type: 'string', format: 'date', example: '2021-03-01' },
        to: { type: 'string', format: 'date', example: '2021-06-30' },
      },
      required: ['kind', 'from', 'to'],
    },
    {
      type: 'object',
      description: 'Until a year (to its end) or a day',
      properties: {
        kind: { type: 'string', enum: ['until'] },
        until: { type: 'string', example: '2022', description: 'YYYY or YYYY-MM-DD' },
      },
      required: ['kind', 'until'],
    },
  ],
  example: { kind: 'until', until: '2022' },
};
