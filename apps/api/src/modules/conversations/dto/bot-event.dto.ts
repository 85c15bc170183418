import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS } from '@gcm/domain';
import type { Channel } from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

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
export const MAX_EVENT_TEXT = 4000;

export class BotUserDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  id: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(16)
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
  @MaxLength(128)
  updateId: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
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
  @IsOptional()
  @IsISO8601()
  sentAt?: string;

  /** Kept whole up to MAX_EVENT_TEXT; longer texts are cut, not refused: a person typed them. */
  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'text')
  @IsString()
  text?: string;

  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'command')
  @IsString()
  @MaxLength(64)
  command?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EVENT_TEXT)
  argument?: string;

  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'action')
  @IsString()
  @MaxLength(256)
  action?: string;

  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'contact')
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'file')
  @IsString()
  @MaxLength(2000)
  fileRef?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  fileName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  mimeType?: string;

  /** A file's caption; like text, kept whole up to MAX_EVENT_TEXT and cut beyond, not refused. */
  @ApiPropertyOptional({ description: "What the person typed with a file (a photo's caption)" })
  @IsOptional()
  @IsString()
  caption?: string;

  @ApiPropertyOptional()
  @ValidateIf((e: BotEventDto) => e.type === 'unsupported')
  @IsString()
  @MaxLength(64)
  what?: string;
}

export class StaffReplyDto {
  @ApiProperty({
    example: 'Chào anh, anh vui lòng mang CCCD đến Công an phường để được hướng dẫn.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;
}
