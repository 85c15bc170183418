import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASK_STATUSES, HANDOFF_STATUSES } from '@gcm/domain';
import type {
  AskRequest,
  AskStatus,
  HandoffItemResponse,
  HandoffStatus,
  QuestionLogResponse,
} from '@gcm/domain';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional } from '../../../common/validation/optional';
import { CleanText } from '../../../common/validation/transforms';
import { HandoffItemEntity } from '../handoff-item.entity';
import { QuestionLogEntity } from '../question-log.entity';

export const ASK_MAX_CHARS = 1000;

export class AskDto implements AskRequest {
  @ApiProperty({
    example: 'di xuat khau lao dong nhat can bao nhieu tien',
    maxLength: ASK_MAX_CHARS,
  })
  @CleanText()
  @IsString({ message: 'text is required' })
  @Matches(/[\p{L}\p{N}]/u, { message: 'text must contain a question in words' })
  @MaxLength(ASK_MAX_CHARS, {
    message: `text must be at most ${ASK_MAX_CHARS} characters: ask one short question`,
  })
  text: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @Optional()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';
}

export class QuestionLogQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ASK_STATUSES })
  @Optional()
  @IsIn(ASK_STATUSES)
  status?: AskStatus;
}

export class HandoffListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: HANDOFF_STATUSES })
  @Optional()
  @IsIn(HANDOFF_STATUSES)
  status?: HandoffStatus;
}

export class UpdateHandoffDto {
  @ApiProperty({ enum: HANDOFF_STATUSES })
  @IsIn(HANDOFF_STATUSES)
  status: HandoffStatus;
}

export const toQuestionLogResponse = (q: QuestionLogEntity): QuestionLogResponse => ({
  id: q.id,
  channel: q.channel,
  text: q.text,
  normalised: q.normalised,
  locale: q.locale,
  status: q.status,
  confidence: q.confidence,
  faqId: q.faqId,
  createdAt: q.createdAt.toISOString(),
});

export const toHandoffItemResponse = (h: HandoffItemEntity): HandoffItemResponse => ({
  id: h.id,
  channel: h.channel,
  question: h.question,
  status: h.status,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
  closedAt: h.closedAt?.toISOString() ?? null,
});
