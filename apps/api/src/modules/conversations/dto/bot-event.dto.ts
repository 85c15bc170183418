import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOT_EVENT_LIMITS as LIMIT, CHANNELS } from '@gcm/domain';
import type { Channel } from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import {
  CleanText,
  NoControlChars,
  StripControlChars,
} from '../../../common/validation/transforms';

export const EVENT_TYPES = [
  'text',
  'command',
  'action',
  'contact',
  'file',
  'follow',
  'unfollow',
  'unsupported',
] as const;

/** Longest text kept from a chat message; the matcher reads far less. */
export const MAX_EVENT_TEXT = LIMIT.argument;

export class BotUserDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMIT.id)
  @NoControlChars()
  id: string;

  @ApiPropertyOptional()
  @Optional()
  @StripControlChars()
  @IsString()
  @MaxLength(LIMIT.displayName)
  displayName?: string;

  @ApiPropertyOptional()
  @Optional()
  @StripControlChars()
  @IsString()
  @MaxLength(LIMIT.languageCode)
  languageCode?: string;
}

/**
 * A BotEvent as the bot posts it. One class for every type (the `type` field says which fields
 * must be there) because class-validator has no unions; the service reads it as a BotEvent.
 */
export class BotEventDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({
    description: 'Unique per channel; a repeated one is answered again, not processed again',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMIT.id)
  @NoControlChars()
  updateId: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMIT.id)
  @NoControlChars()
  chatId: string;

  @ApiProperty({ type: BotUserDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BotUserDto)
  user: BotUserDto;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES)
  type: (typeof EVENT_TYPES)[number];

  @ApiPropertyOptional({ description: 'ISO 8601' })
  @Optional()
  @IsISO8601()
  sentAt?: string;

  @ApiPropertyOptional({
    description: 'Open no inbox item for this event (too many from the same network lately)',
  })
  @Optional()
  @IsBoolean()
  handoffsPaused?: boolean;

  /** Kept whole up to MAX_EVENT_TEXT; longer texts are cut, not refused: a person typed them. */
  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'text')
  @IsString()
  text?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'command')
  @IsString()
  @MaxLength(LIMIT.command)
  command?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @Optional()
  @IsString()
  @MaxLength(MAX_EVENT_TEXT)
  argument?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'action')
  @IsString()
  @MaxLength(LIMIT.action)
  action?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'contact')
  @IsString()
  @MaxLength(LIMIT.phone)
  phone?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'file')
  @IsString()
  @MaxLength(LIMIT.fileRef)
  fileRef?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @Optional()
  @IsString()
  @MaxLength(LIMIT.fileName)
  fileName?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @Optional()
  @IsString()
  @MaxLength(LIMIT.mimeType)
  mimeType?: string;

  /** A file's caption; like text, kept whole up to MAX_EVENT_TEXT and cut beyond, not refused. */
  @ApiPropertyOptional({ description: "What the person typed with a file (a photo's caption)" })
  @StripControlChars()
  @Optional()
  @IsString()
  caption?: string;

  @ApiPropertyOptional()
  @StripControlChars()
  @ValidateIf((e: BotEventDto) => e.type === 'unsupported')
  @IsString()
  @MaxLength(LIMIT.what)
  what?: string;
}

export class StaffReplyDto {
  @ApiProperty({
    example: 'Chào anh, anh vui lòng mang CCCD đến Công an phường để được hướng dẫn.',
  })
  @CleanText()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(4000)
  text: string;
}
