import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateTopicRequest, TopicResponse } from '@gcm/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNullable, PartialDto } from '../../../common/validation/optional';
import { CleanOptionalText, CleanText } from '../../../common/validation/transforms';
import type { TopicWithCount } from '../topics.service';

export class CreateTopicDto implements CreateTopicRequest {
  @ApiProperty({ example: 'Đi làm việc ở nước ngoài theo hợp đồng' })
  @CleanText()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'Working abroad under contract' })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(120)
  nameEn?: string | null;
}

export class UpdateTopicDto extends PartialDto(CreateTopicDto) {}

export const toTopicResponse = ({ topic, publishedFaqCount }: TopicWithCount): TopicResponse => ({
  id: topic.id,
  name: topic.name,
  nameEn: topic.nameEn,
  publishedFaqCount,
});
