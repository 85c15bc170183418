import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FAQ_STATUSES } from '@gcm/domain';
import type {
  CreateFaqRequest,
  FaqListQuery,
  FaqResponse,
  FaqStatus,
  FaqVersionResponse,
  UpdateFaqRequest,
} from '@gcm/domain';
import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional, OptionalNullable, PartialDto } from '../../../common/validation/optional';
import {
  CleanOptionalText,
  CleanText,
  OptionalTextList,
  QueryBoolean,
} from '../../../common/validation/transforms';
import { FaqEntity } from '../faq.entity';
import { FaqVersionEntity } from '../faq-version.entity';

export const FAQ_LIMITS = {
  question: 500,
  answer: 10_000,
  listItems: 30,
  listItem: 500,
  key: 64,
} as const;

export class CreateFaqDto implements CreateFaqRequest {
  @ApiPropertyOptional({
    example: 'xkld-chi-phi',
    description: 'Your own stable id (imports use it)',
  })
  @CleanOptionalText()
  @OptionalNullable()
  @Matches(/^[\p{L}\p{N}._-]{1,64}$/u, {
    message: 'key must be 1–64 letters, digits, dots, dashes or underscores',
  })
  key?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'topicId must be a topic id (UUID)' })
  topicId: string;

  @ApiProperty({ example: 'Đi làm việc ở nước ngoài theo hợp đồng cần những chi phí gì?' })
  @CleanText()
  @IsString()
  @MinLength(5)
  @MaxLength(FAQ_LIMITS.question)
  question: string;

  @ApiPropertyOptional({ type: [String] })
  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  alternates?: string[];

  @ApiProperty({ description: 'Markdown; raw HTML is not rendered' })
  @CleanText()
  @IsString()
  @MinLength(10)
  @MaxLength(FAQ_LIMITS.answer)
  answer: string;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(FAQ_LIMITS.question)
  questionEn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(FAQ_LIMITS.answer)
  answerEn?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  alternatesEn?: string[];

  @ApiPropertyOptional({ type: [String] })
  @OptionalTextList(FAQ_LIMITS.listItems, 60)
  tags?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Legal basis or sources, as links or text' })
  @OptionalTextList(FAQ_LIMITS.listItems, FAQ_LIMITS.listItem)
  sources?: string[];

  @ApiPropertyOptional({ enum: FAQ_STATUSES, default: 'draft' })
  @Optional()
  @IsIn(FAQ_STATUSES, { message: `status must be one of: ${FAQ_STATUSES.join(', ')}` })
  status?: FaqStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  needsReview?: boolean;
}

export class UpdateFaqDto extends PartialDto(CreateFaqDto) implements UpdateFaqRequest {
  @ApiPropertyOptional({ description: 'true marks the FAQ reviewed now' })
  @Optional()
  @IsBoolean()
  reviewed?: boolean;
}

export class FaqListQueryDto extends PaginationQueryDto implements FaqListQuery {
  @ApiPropertyOptional({ enum: FAQ_STATUSES })
  @Optional()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional()
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  needsReview?: boolean;
}

export function toFaqResponse(faq: FaqEntity): FaqResponse {
  return {
    id: faq.id,
    key: faq.key,
    topic: { id: faq.topicId, name: faq.topic?.name ?? '' },
    question: faq.question,
    alternates: faq.alternates,
    answer: faq.answer,
    questionEn: faq.questionEn,
    answerEn: faq.answerEn,
    alternatesEn: faq.alternatesEn,
    tags: faq.tags,
    sources: faq.sources,
    status: faq.status,
    needsReview: faq.needsReview,
    reviewedAt: faq.reviewedAt?.toISOString() ?? null,
    publishedAt: faq.publishedAt?.toISOString() ?? null,
    version: faq.version,
    createdAt: faq.createdAt.toISOString(),
    updatedAt: faq.updatedAt.toISOString(),
  };
}

export function toFaqVersionResponse(version: FaqVersionEntity): FaqVersionResponse {
  return {
    version: version.version,
    changedBy: version.changedByEmail,
    changedAt: version.createdAt.toISOString(),
    snapshot: version.snapshot,
  };
}
