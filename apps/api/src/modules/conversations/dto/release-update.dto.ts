import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, MAX_EVENT_BATCH } from '@gcm/domain';
import type { Channel, DeliveredBotUpdatesRequest, ReleaseBotUpdateRequest } from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** An update whose replies the bot could not send (`POST /bot/updates/release`). */
export class ReleaseBotUpdateDto implements ReleaseBotUpdateRequest {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'The update id the event carried' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  updateId: string;
}

/** Updates whose replies the bot delivered (`POST /bot/updates/delivered`). */
export class DeliveredBotUpdatesDto implements DeliveredBotUpdatesRequest {
  @ApiProperty({ type: [ReleaseBotUpdateDto], description: `1 to ${MAX_EVENT_BATCH} updates` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_BATCH)
  @ValidateNested({ each: true })
  @Type(() => ReleaseBotUpdateDto)
  updates: ReleaseBotUpdateDto[];
}
