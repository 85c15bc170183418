import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ASK_STATUSES,
  HANDOFF_STATUSES,
  PROPOSAL_STATUSES,
  QUESTION_CHANNELS,
  QUESTION_FEEDBACK,
} from '@gcm/domain';
import type {
  AlternateProposalResponse,
  AskRequest,
  ProposalStatus,
  AskStatus,
  HandoffItemResponse,
  HandoffStatus,
  QuestionChannel,
  QuestionFeedback,
  UpdateHandoffRequest,
} from '@gcm/domain';
import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { PeriodQueryDto } from '../../../common/dto/period.dto';
import { Optional } from '../../../common/validation/optional';
import { CleanText } from '../../../common/validation/transforms';
import type { AlternateProposalEntity } from '../alternate-proposal.entity';
import { HandoffItemEntity } from '../handoff-item.entity';

export const ASK_MAX_CHARS = 1000;

export class AskDto implements AskRequest {
  @ApiProperty({
    example: 'di xuat khau lao dong nhat can bao nhieu tien',
    maxLength: ASK_MAX_CHARS,
  })
  @CleanText()
  @IsString({ message: 'text must be text' })
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

export class QuestionLogQueryDto extends IntersectionType(PaginationQueryDto, PeriodQueryDto) {
  @ApiPropertyOptional({ enum: ASK_STATUSES })
  @Optional()
  @IsIn(ASK_STATUSES)
  status?: AskStatus;

  @ApiPropertyOptional({ enum: QUESTION_CHANNELS })
  @Optional()
  @IsIn(QUESTION_CHANNELS)
  channel?: QuestionChannel;

  @ApiPropertyOptional({ enum: QUESTION_FEEDBACK, description: 'Only answers given this 👍/👎' })
  @Optional()
  @IsIn(QUESTION_FEEDBACK)
  feedback?: QuestionFeedback;
}

export class HandoffListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: HANDOFF_STATUSES })
  @Optional()
  @IsIn(HANDOFF_STATUSES)
  status?: HandoffStatus;
}

export class UpdateHandoffDto implements UpdateHandoffRequest {
  @ApiPropertyOptional({ enum: HANDOFF_STATUSES })
  @Optional()
  @IsIn(HANDOFF_STATUSES)
  status?: HandoffStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description:
      'The staff member handling the item (GET /assistant/handoffs/assignees); null: nobody',
  })
  @Optional()
  @ValidateIf((_object, value) => value !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({
    description:
      'Marked urgent (the person sounds in danger): listed first among the open items. Set when the words sound like danger; staff may clear or set it.',
  })
  @Optional()
  @IsBoolean()
  urgent?: boolean;
}

export const toHandoffItemResponse = (
  h: HandoffItemEntity,
  locality: HandoffItemResponse['locality'] = null,
  latestMessage: HandoffItemResponse['latestMessage'] = null,
): HandoffItemResponse => ({
  id: h.id,
  channel: h.channel,
  question: h.question,
  status: h.status,
  urgent: h.urgent,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
  assigneeId: h.assigneeId,
  locality,
  latestMessage,
  closedAt: h.closedAt?.toISOString() ?? null,
});

export class ProposalListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, default: 'proposed' })
  @Optional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}

export const toAlternateProposalResponse = (
  p: AlternateProposalEntity & { faqQuestion: string },
): AlternateProposalResponse => ({
  id: p.id,
  faqId: p.faqId,
  faqQuestion: p.faqQuestion,
  text: p.text,
  source: p.source,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
  decidedAt: p.decidedAt?.toISOString() ?? null,
});
