import { Type } from '@nestjs/common';
// eslint-disable-next-line no-restricted-imports -- the one place that may use them
import { PartialType } from '@nestjs/swagger';
// eslint-disable-next-line no-restricted-imports -- the one place that may use them
import { IsOptional, ValidateIf } from 'class-validator';

/*
 * A field left out of a request keeps its value (or takes its default); a field sent as null
 * would clear it, which only some fields allow. class-validator's IsOptional, and PartialType,
 * which applies it to every field, let null through to the services, where it failed as a 500:
 * DTOs use these decorators instead, and ESLint refuses the others in apps/api/src.
 */

/** The field may be left out; null is refused ("x must not be null"). */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** The field may be left out, or sent as null to clear it. */
export const OptionalNullable = () => IsOptional();

/** `dto` with every field optional (for PATCH); null refused wherever `dto` refuses it. */
export const PartialDto = <T>(dto: Type<T>) => PartialType(dto, { skipNullProperties: false });
