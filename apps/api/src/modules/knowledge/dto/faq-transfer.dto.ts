import { ApiPropertyOptional } from '@nestjs/swagger';
import { FAQ_STATUSES } from '@gcm/domain';
import type { FaqImportRow, FaqStatus } from '@gcm/domain';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional, OptionalNullable } from '../../../common/validation/optional';
import {
  CleanOptionalText,
  CleanText,
  OptionalTextList,
  QueryBoolean,
} from '../../../common/validation/transforms';
import { FAQ_LIMITS } from './faq.dto';

export const TRANSFER_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

/** One imported row, checked with the same limits as the editor form. */
export class FaqImportRowDto implements FaqImportRow {
  @CleanOptionalText()
  @OptionalNullable()
  @Matches(/^[\p{L}\p{N}._-]{1,64}$/u, {
    message: 'id must be 1–64 letters, digits, dots, dashes or underscores',
  })
  id?: string;

  @CleanText()
  @IsString({ message: 'topic is required' })
  @MinLength(2, { message: 'topic is required' })
  @MaxLength(120)
  topic: string;

  @CleanText()
  @IsString({ message: 'question is required' })
  @MinLength(5, { message: 'question must be at least 5 characters' })
  @MaxLength(FAQ_LIMITS.question)
  question: string;

  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  alternates?: string[];

  @CleanText()
  @IsString({ message: 'answer is required' })
  @MinLength(10, { message: 'answer must be at least 10 characters' })
  @MaxLength(FAQ_LIMITS.answer)
  answer: string;

  @OptionalTextList(FAQ_LIMITS.listItems, 60)
  tags?: string[];

  @Optional()
  @IsIn(FAQ_STATUSES, { message: `status must be one of: ${FAQ_STATUSES.join(', ')}` })
  status?: FaqStatus;

  @Optional()
  @IsBoolean({ message: 'needsReview must be true or false' })
  needsReview?: boolean;

  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(FAQ_LIMITS.question)
  questionEn?: string;

  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(FAQ_LIMITS.answer)
  answerEn?: string;

  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  alternatesEn?: string[];

  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  sources?: string[];
}

export class FaqImportQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Write nothing if any row is rejected' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  allOrNothing?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Check and report without writing' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    enum: FAQ_STATUSES,
    default: 'draft',
    description: 'Status of rows that give none',
  })
  @Optional()
  @IsIn(FAQ_STATUSES)
  defaultStatus?: FaqStatus;
}

export class FaqExportQueryDto {
  @ApiPropertyOptional({ enum: TRANSFER_FORMATS, default: 'json' })
  @Optional()
  @IsIn(TRANSFER_FORMATS)
  format?: TransferFormat;

  @ApiPropertyOptional({ enum: FAQ_STATUSES })
  @Optional()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;
}
