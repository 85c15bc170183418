import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@gcm/domain';
import { AppError } from '../errors/app-error';

/** The global pipe: unknown fields are refused, types transformed, errors listed per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      AppError.validation(flatten(errors), 'Some fields are invalid: see details.'),
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = messagesOf(error).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A field's messages. Null reaches the validators only where a field may not be null (see
 * `optional.ts`), and then every rule of the field fails at once: one message says why.
 */
function messagesOf(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation) return [`unknown field: ${error.property} is not accepted`];
  if (error.value === null && Object.keys(constraints).length)
    return [`${error.property} must not be null`];
  return Object.values(constraints);
}
