import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest, LoginRequest, SessionResponse } from '@gcm/domain';
import { PASSWORD_MAX_LENGTH } from '@gcm/domain';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { SessionEntity } from '../session.entity';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@gcm.local' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ description: '10–200 characters with at least a letter and a digit' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export function toSessionResponse(session: SessionEntity, currentId: string): SessionResponse {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    userAgent: session.userAgent,
    ip: session.ip,
    current: session.id === currentId,
  };
}
