import { ApiProperty } from '@nestjs/swagger';
import {
  CreateLinkCodeRequest,
  LinkCodeResponse,
  LinkCodeStatus,
  LinkCodeSummaryResponse,
  LinkedAccountResponse,
  ROLES,
  type Role,
  UnitMemberResponse,
} from '@gcm/domain';
import { IsUUID } from 'class-validator';

export class CreateLinkCodeDto implements CreateLinkCodeRequest {
  @ApiProperty({ format: 'uuid', description: 'The staff user (a member of the unit)' })
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId: string;
}

class UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
}

export class LinkCodeResponseDto implements LinkCodeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7QX-9MZD', description: 'Shown once; only its hash is stored' })
  code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class LinkCodeSummaryResponseDto implements LinkCodeSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: UserRefDto }) user: UserRefDto;
  @ApiProperty({ enum: ['active', 'used', 'expired', 'revoked'] }) status: LinkCodeStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) usedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UnitMemberResponseDto implements UnitMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

class LinkedUserDto extends UserRefDto {
  @ApiProperty() email: string;
}

class LinkedUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TP-CA' }) code: string;
  @ApiProperty({ example: 'Công an thành phố' }) name: string;
}

export class LinkedAccountResponseDto implements LinkedAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['telegram', 'zalo'] }) channel: 'telegram' | 'zalo';
  @ApiProperty() chatId: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ type: LinkedUserDto }) user: LinkedUserDto;
  @ApiProperty({ type: LinkedUnitDto }) unit: LinkedUnitDto;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
}
