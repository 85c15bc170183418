import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, OUTBOX_OUTCOMES } from '@gcm/domain';
import type {
  Channel,
  CreateBroadcastRequest,
  OutboxClaimRequest,
  OutboxResultRequest,
} from '@gcm/domain';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { StripControlChars } from '../../../common/validation/transforms';

export class OutboxClaimDto implements OutboxClaimRequest {
  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiProperty({ minimum: 1, maximum: 500 })
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number;

  @ApiProperty({ minimum: 5, maximum: 600 })
  @IsInt()
  @Min(5)
  @Max(600)
  leaseSeconds: number;
}

export class OutboxResultDto implements OutboxResultRequest {
  @ApiProperty({ format: 'uuid', description: 'The claimId of the claim being reported' })
  @IsUUID()
  claimId: string;

  @ApiProperty({ enum: OUTBOX_OUTCOMES })
  @IsIn(OUTBOX_OUTCOMES)
  outcome: OutboxResultRequest['outcome'];

  @ApiPropertyOptional({ minimum: 0, maximum: 86_400 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  retryAfterSeconds?: number;

  @ApiPropertyOptional()
  @StripControlChars()
  @Optional()
  @IsString()
  @MaxLength(2000)
  error?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10_000,
    description:
      'Platform messages of the item that have gone out so far (earlier deliveries included): the next delivery skips them',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sentParts?: number;
}

export class CreateBroadcastDto implements CreateBroadcastRequest {
  @ApiProperty({ format: 'uuid', description: 'A published article or warning' })
  @IsUUID()
  articleId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only subscribers of this topic (and of all topics)',
  })
  @Optional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only subscribers whose area is this one, below it or above it (and those with none)',
  })
  @Optional()
  @IsUUID()
  localityId?: string;
}

/** The topic and area of a broadcast being prepared, to count whom it would reach. */
export class BroadcastAudienceQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'As in POST /broadcasts' })
  @Optional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'As in POST /broadcasts' })
  @Optional()
  @IsUUID()
  localityId?: string;
}

/** The answer of the broadcast routes, shared with the client (ADR 0003). */
export type { BroadcastAudienceResponse, BroadcastResponse } from '@gcm/domain';
