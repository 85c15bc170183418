import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, ROLES, Role } from '@gcm/domain';
import type { CreateUserRequest, UpdateUserRequest } from '@gcm/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional, OptionalNullable } from '../../../common/validation/optional';
import { CleanText } from '../../../common/validation/transforms';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'can.bo@phuong-duc-xuan.gov.vn' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @CleanText()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'Omit to have a one-time password generated' })
  @Optional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @Optional()
  @CleanText()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  isActive?: boolean;
}

export class UserListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;
}
