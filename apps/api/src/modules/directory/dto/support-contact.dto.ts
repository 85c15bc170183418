import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_PHONE_PATTERN,
  SUPPORT_CONTACT_KINDS,
  type SupportContactKind,
  type SupportContactListQuery,
  type SupportContactRequest,
  type SupportContactResponse,
} from '@gcm/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional, OptionalNullable, PartialDto } from '../../../common/validation/optional';
import { CleanOptionalText, CleanText, QueryBoolean } from '../../../common/validation/transforms';
import type { SupportContactEntity } from '../support-contact.entity';

export class SupportContactDto implements SupportContactRequest {
  @ApiProperty({ example: 'Công an phường Đức Xuân' })
  @CleanText()
  @IsString({ message: 'name must be text' })
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SUPPORT_CONTACT_KINDS })
  @IsIn(SUPPORT_CONTACT_KINDS, {
    message: `kind must be one of: ${SUPPORT_CONTACT_KINDS.join(', ')}`,
  })
  kind: SupportContactKind;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Empty: any topic' })
  @Optional()
  @IsArray({ message: 'topicIds must be a list of topic ids' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'topicIds must hold topic ids (UUID)' })
  topicIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Units served, with every unit under them. Empty: the whole country',
  })
  @Optional()
  @IsArray({ message: 'unitIds must be a list of unit ids' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'unitIds must hold unit ids (UUID)' })
  unitIds?: string[];

  @ApiPropertyOptional({ nullable: true, example: '113' })
  @CleanOptionalText()
  @OptionalNullable()
  @Matches(CONTACT_PHONE_PATTERN, {
    message: 'phone must be a phone number (digits, spaces, + . - ( ))',
  })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Thứ Hai – Thứ Sáu, 7:30–17:00' })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  openingHours?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(500)
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-06-30', description: 'YYYY-MM-DD' })
  @OptionalNullable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewDueOn must be a day as YYYY-MM-DD' })
  reviewDueOn?: string | null;

  @ApiPropertyOptional({ description: 'Sample data (the demo’s), to be replaced' })
  @Optional()
  @IsBoolean()
  sample?: boolean;
}

export class UpdateSupportContactDto extends PartialDto(SupportContactDto) {}

export class SupportContactListQueryDto
  extends PaginationQueryDto
  implements SupportContactListQuery
{
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: SUPPORT_CONTACT_KINDS })
  @Optional()
  @IsIn(SUPPORT_CONTACT_KINDS)
  kind?: SupportContactKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Contacts serving this unit' })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'topicId must be a topic id (UUID)' })
  topicId?: string;

  @ApiPropertyOptional({ description: 'Only contacts whose review day has passed' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  reviewOverdue?: boolean;
}

export class SupportContactImportQueryDto {
  @ApiPropertyOptional({ description: 'Check the file and count, without writing' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export function toSupportContactResponse(c: SupportContactEntity): SupportContactResponse {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    topicIds: c.topicIds,
    unitIds: c.unitIds,
    phone: c.phone,
    address: c.address,
    openingHours: c.openingHours,
    notes: c.notes,
    reviewDueOn: c.reviewDueOn,
    sample: c.sample,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
