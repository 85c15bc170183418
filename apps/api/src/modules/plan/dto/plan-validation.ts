import type { ApiPropertyOptions } from '@nestjs/swagger';
import { timeframeProblem } from '@gcm/domain';
import { registerDecorator } from 'class-validator';

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
