import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS } from '@gcm/domain';
import type { Channel, ChannelTokensResponse, SaveChannelTokensRequest } from '@gcm/domain';
import { IsIn, IsInt, IsISO8601, IsString, MaxLength, Min, MinLength } from 'class-validator';
import type { ChannelTokensEntity } from '../channel-tokens.entity';
import { OptionalNullable } from '../../../common/validation/optional';

/** Zalo's tokens are a few hundred characters; this only keeps out what cannot be a token. */
const MAX_TOKEN_LENGTH = 4096;

export class ChannelTokensParams {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;
}

/** Tokens are taken as sent: no trimming or normalising, they are opaque. */
export class SaveChannelTokensDto implements SaveChannelTokensRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TOKEN_LENGTH)
  accessToken: string;

  @ApiPropertyOptional({ nullable: true })
  @OptionalNullable()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TOKEN_LENGTH)
  refreshToken?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'When the access token expires, ISO 8601' })
  @OptionalNullable()
  @IsISO8601({ strict: true })
  accessExpiresAt?: string | null;

  @ApiProperty({
    minimum: 0,
    description: 'The revision of the stored pair these tokens replace; 0 when none was stored',
  })
  @IsInt()
  @Min(0)
  expectedRevision: number;
}

export function toChannelTokensResponse(tokens: ChannelTokensEntity): ChannelTokensResponse {
  return {
    channel: tokens.channel,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessExpiresAt: tokens.accessExpiresAt?.toISOString() ?? null,
    revision: Number(tokens.revision),
    updatedAt: tokens.updatedAt.toISOString(),
  };
}
