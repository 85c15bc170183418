import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_KINDS, FAQ_STATUSES } from '@gcm/domain';
import type { ArticleKind, ArticleResponse, CreateArticleRequest, FaqStatus } from '@gcm/domain';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional, OptionalNullable, PartialDto } from '../../../common/validation/optional';
import { CleanText } from '../../../common/validation/transforms';
import { ArticleEntity } from '../article.entity';

export class CreateArticleDto implements CreateArticleRequest {
  @ApiProperty({ enum: ARTICLE_KINDS })
  @IsIn(ARTICLE_KINDS, { message: `kind must be one of: ${ARTICLE_KINDS.join(', ')}` })
  kind: ArticleKind;

  @ApiProperty({ example: 'Cảnh báo thủ đoạn tuyển lao động đi nước ngoài trái phép' })
  @CleanText()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'Markdown; raw HTML is not rendered' })
  @CleanText()
  @IsString()
  @MinLength(10)
  @MaxLength(50_000)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID()
  topicId?: string | null;

  @ApiPropertyOptional({ enum: FAQ_STATUSES, default: 'draft' })
  @Optional()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;
}

export class UpdateArticleDto extends PartialDto(CreateArticleDto) {}

export class ArticleListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_KINDS })
  @Optional()
  @IsIn(ARTICLE_KINDS)
  kind?: ArticleKind;

  @ApiPropertyOptional({ enum: FAQ_STATUSES })
  @Optional()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;
}

export const toArticleResponse = (a: ArticleEntity): ArticleResponse => ({
  id: a.id,
  kind: a.kind,
  key: a.key,
  title: a.title,
  body: a.body,
  topicId: a.topicId,
  status: a.status,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
