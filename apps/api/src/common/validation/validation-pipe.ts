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

// Rules on the kind of value: when one fails, the field's other rules (length, pattern) fail
// with it and say nothing more.
const TYPE_RULES = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject'];

/**
 * A field's messages, one reason where one explains the rest. Null reaches the validators only
 * where a field may not be null (see `optional.ts`), and a missing field only where it is
 * required: then every rule of the field fails at once, and one message says why. A value of
 * the wrong kind (a number for a text) gets what kind it must be, not its length rules.
 */
function messagesOf(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation) return [`unknown field: ${error.property} is not accepted`];
  if (Object.keys(constraints).length === 0) return [];
  if (error.value === null) return [`${error.property} must not be null`];
  if (error.value === undefined) return [`${error.property} is required`];
  const kind = TYPE_RULES.filter((rule) => rule in constraints);
  return (kind.length > 0 ? kind : Object.keys(constraints)).map((rule) => constraints[rule]);
}
