import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../dto/openapi.dto';

/** The error answers the OpenAPI document lists: bad input, forbidden, not found, conflict, gone, off. */
export type ApiErrorStatus = 400 | 403 | 404 | 409 | 410 | 413 | 503;

/**
 * The error answers a route (or every route of a controller) may give, each with the API's error
 * body: a status alone, or [status, description] to name the error codes or the case, e.g.
 * `@ApiErrors(400, 404, [409, 'plan_task_code_taken'])`.
 */
export function ApiErrors(
  ...answers: (ApiErrorStatus | [ApiErrorStatus, string])[]
): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ...answers.map((answer) => {
      const [status, description] = Array.isArray(answer) ? answer : [answer, undefined];
      return ApiResponse({ status, type: ErrorBodyDto, ...(description ? { description } : {}) });
    }),
  );
}
