import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, MAX_EVENT_BATCH } from '@gcm/domain';
import type {
  BotUpdateRef,
  Channel,
  DeliveredBotUpdatesRequest,
  RedeliverBotUpdateRequest,
  ReleaseBotUpdateRequest,
} from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';

/** More platform messages than one update's replies ever make. */
const MAX_PARTS = 1000;

/** One update, by channel and id. */
export class BotUpdateRefDto implements BotUpdateRef {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'The update id the event carried' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  updateId: string;
}

/** An update whose replies the bot could not send (`POST /bot/updates/release`). */
export class ReleaseBotUpdateDto extends BotUpdateRefDto implements ReleaseBotUpdateRequest {
  @ApiProperty({
    required: false,
    description: 'Platform messages of the replies that went out before sending failed',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTS)
  sentParts?: number;
}

/** Replies of an update answered to its platform, to queue (`POST /bot/updates/redeliver`). */
export class RedeliverBotUpdateDto extends BotUpdateRefDto implements RedeliverBotUpdateRequest {
  @ApiProperty({ description: 'Platform messages of the replies that went out already' })
  @IsInt()
  @Min(0)
  @Max(MAX_PARTS)
  sentParts: number;

  @ApiProperty({ required: false, description: 'Not before this many seconds (up to a day)' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  retryAfterSeconds?: number;
}

/** Updates whose replies the bot delivered (`POST /bot/updates/delivered`). */
export class DeliveredBotUpdatesDto implements DeliveredBotUpdatesRequest {
  @ApiProperty({ type: [BotUpdateRefDto], description: `1 to ${MAX_EVENT_BATCH} updates` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_BATCH)
  @ValidateNested({ each: true })
  @Type(() => BotUpdateRefDto)
  updates: BotUpdateRefDto[];
}
