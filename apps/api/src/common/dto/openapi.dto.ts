import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBody, ErrorCode, Page } from '@gcm/domain';

/** The body of every error answer, for the OpenAPI document. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ enum: Object.values(ErrorCode), example: 'validation_failed' })
  code: ErrorCode;

  @ApiProperty({ example: 'Some fields are invalid: see details.' })
  message: string;

  @ApiPropertyOptional({
    description: 'For validation errors, a list of { field, message }',
    example: [{ field: 'leadUnitId', message: 'leadUnitId names no unit' }],
  })
  details?: unknown;
}

/** The OpenAPI schema of `Page<T>` for an item class: `{ items, total, page, pageSize }`. */
export function pageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageOf implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ example: 1 })
    total: number;

    @ApiProperty({ example: 1 })
    page: number;

    @ApiProperty({ example: 50 })
    pageSize: number;
  }
  Object.defineProperty(PageOf, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageOf;
}
