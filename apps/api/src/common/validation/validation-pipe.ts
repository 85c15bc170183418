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
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(
        /^property (\S+) should not exist$/,
        'unknown field: $1 is not accepted',
      ),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
