import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TIP_LIMITS,
  TIP_STATUSES,
  type TipListQuery,
  type TipReplyRequest,
  type TipStatus,
} from '@gcm/domain';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional } from '../../../common/validation/optional';
import { CleanText, QueryBoolean } from '../../../common/validation/transforms';

const LISTED = TIP_STATUSES.filter((s) => s !== 'draft');

export class TipListQueryDto extends PaginationQueryDto implements TipListQuery {
  @ApiPropertyOptional({ enum: LISTED })
  @Optional()
  @IsIn(LISTED, { message: `status must be one of: ${LISTED.join(', ')}` })
  status?: Exclude<TipStatus, 'draft'>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Reports of this area or the areas under it',
  })
  @Optional()
  @IsUUID('all', { message: 'areaId must be a unit id (UUID)' })
  areaId?: string;

  @ApiPropertyOptional({ description: 'Only the reports the caller may read' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  readable?: boolean;
}

export class TipReplyDto implements TipReplyRequest {
  @ApiProperty({ example: 'Công an phường đã nhận tin. Bạn có thể đến trụ sở để trình báo thêm.' })
  @CleanText()
  @IsString({ message: 'text must be text' })
  @MinLength(2, { message: 'text must say something' })
  @MaxLength(TIP_LIMITS.reply, { message: `text must be at most ${TIP_LIMITS.reply} characters` })
  text: string;
}
