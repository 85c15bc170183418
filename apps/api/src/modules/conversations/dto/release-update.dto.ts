import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS } from '@gcm/domain';
import type { Channel, ReleaseBotUpdateRequest } from '@gcm/domain';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

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
