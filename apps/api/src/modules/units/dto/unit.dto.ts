import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_CODE_PATTERN, UNIT_KINDS, UnitKind } from '@gcm/domain';
import type { CreateUnitRequest, UnitListQuery, UnitResponse } from '@gcm/domain';
import {
  IsBoolean,
  IsEmail,
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
import { UnitEntity } from '../unit.entity';

export class CreateUnitDto implements CreateUnitRequest {
  @ApiProperty({ example: 'P-DUCXUAN', description: 'Letters, digits, . _ -; 2–32 characters' })
  @CleanText()
  @IsString({ message: 'code must be text' })
  @Matches(UNIT_CODE_PATTERN, {
    message: 'code must be 2–32 letters, digits, dots, dashes or underscores',
  })
  code: string;

  @ApiProperty({ example: 'UBND phường Đức Xuân' })
  @CleanText()
  @IsString({ message: 'name must be text' })
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `kind must be one of: ${UNIT_KINDS.join(', ')}` })
  kind: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID('all', { message: 'parentId must be a unit id (UUID)' })
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(120)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '0209 3870 000' })
  @CleanOptionalText()
  @OptionalNullable()
  @Matches(/^\+?[0-9 ().-]{6,32}$/, {
    message: 'contactPhone must be a phone number (digits, spaces, + . - ( ))',
  })
  contactPhone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @CleanOptionalText()
  @OptionalNullable()
  @IsString()
  @MaxLength(300)
  address?: string | null;
}

export class UpdateUnitDto extends PartialDto(CreateUnitDto) {}

export class UnitListQueryDto extends PaginationQueryDto implements UnitListQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @Optional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class UnitImportQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Validate and count without writing' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export function toUnitResponse(unit: UnitEntity): UnitResponse {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    contactName: unit.contactName,
    contactPhone: unit.contactPhone,
    contactEmail: unit.contactEmail,
    address: unit.address,
    deletedAt: unit.deletedAt?.toISOString() ?? null,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}
