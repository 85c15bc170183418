import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTACHMENT_KINDS,
  AttachmentKind,
  MIME_TYPE_PATTERN,
  TASK_UPDATE_CHANNELS,
  TASK_UPDATE_LIMITS as LIMIT,
  TaskUpdateAttachment,
  TaskUpdateChannel,
  TaskUpdateListQuery,
  TaskUpdateResponse,
} from '@gcm/domain';
import type { CreateTaskUpdateRequest, TaskUpdateAttachmentInput } from '@gcm/domain';
import { Type } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { CleanText, NoControlChars } from '../../../common/validation/transforms';
import { TaskUpdateEntity } from '../task-update.entity';
import { PlanUnitRefDto, toPlanUnitRef } from './plan.dto';
import { Optional } from '../../../common/validation/optional';

/** Base64 characters of a file of `LIMIT.fileBytes` bytes. */
const MAX_BASE64_LENGTH = Math.ceil(LIMIT.fileBytes / 3) * 4;

export class TaskUpdateAttachmentInputDto implements TaskUpdateAttachmentInput {
  @ApiProperty({ enum: ATTACHMENT_KINDS })
  @IsIn(ATTACHMENT_KINDS, { message: `kind must be one of: ${ATTACHMENT_KINDS.join(', ')}` })
  kind: AttachmentKind;

  @ApiPropertyOptional({ example: 'bien-ban-tap-huan.pdf' })
  @CleanText()
  @Optional()
  @IsString()
  @MinLength(1, { message: 'fileName must not be empty: leave it out instead' })
  @MaxLength(LIMIT.fileName)
  fileName?: string;

  @ApiPropertyOptional({ example: 'application/pdf' })
  @CleanText()
  @Optional()
  @IsString()
  @Matches(MIME_TYPE_PATTERN, { message: 'mimeType must be a MIME type such as image/jpeg' })
  mimeType?: string;

  @ApiPropertyOptional({ description: 'Bytes; computed from contentBase64 when that is sent' })
  @Optional()
  @IsInt({ message: 'sizeBytes must be a whole number of bytes' })
  @Min(0)
  @Max(2_147_483_647)
  sizeBytes?: number;

  @ApiPropertyOptional({
    description: "The chat platform's reference to the file (Telegram file_id, Zalo URL)",
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMIT.fileRef)
  @NoControlChars()
  fileRef?: string;

  @ApiPropertyOptional({
    description: `The file itself, base64 (at most ${LIMIT.fileBytes} bytes, and within the request-body limit)`,
  })
  @Optional()
  @IsString()
  @MaxLength(MAX_BASE64_LENGTH, {
    message: `contentBase64 must hold at most ${LIMIT.fileBytes} bytes`,
  })
  @IsBase64({}, { message: 'contentBase64 must be base64' })
  contentBase64?: string;
}

export class CreateTaskUpdateDto implements CreateTaskUpdateRequest {
  @ApiProperty({
    example: 'Đã tổ chức 02 buổi tuyên truyền về di cư an toàn tại tổ dân phố 7, có 85 người dự.',
  })
  @CleanText()
  @IsString({ message: 'text must be text' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(LIMIT.text)
  text: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The reporting unit: a unit reporter's own unit; coordinators may name any unit of the task (default: the lead unit)",
  })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: TASK_UPDATE_CHANNELS, default: 'api' })
  @Optional()
  @IsIn(TASK_UPDATE_CHANNELS, {
    message: `channel must be one of: ${TASK_UPDATE_CHANNELS.join(', ')}`,
  })
  channel?: TaskUpdateChannel;

  @ApiPropertyOptional({ type: TaskUpdateAttachmentInputDto })
  @Optional()
  @IsObject({ message: 'attachment must be an object' })
  @ValidateNested()
  @Type(() => TaskUpdateAttachmentInputDto)
  attachment?: TaskUpdateAttachmentInputDto;
}

export class TaskUpdateListQueryDto extends PaginationQueryDto implements TaskUpdateListQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The reporting unit (a unit reporter's own unit when left out)",
  })
  @Optional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;
}

// Responses.

export class TaskUpdateAttachmentDto implements TaskUpdateAttachment {
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: AttachmentKind;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true }) mimeType: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true }) fileRef: string | null;
  @ApiProperty({ description: 'The API holds the file: GET /task-updates/{id}/attachment' })
  stored: boolean;
}

export class TaskRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1.3' }) code: string;
  @ApiProperty() title: string;
}

export class TaskUpdateAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

export class TaskUpdateResponseDto implements TaskUpdateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: TaskRefDto }) task: TaskRefDto;
  @ApiProperty({ type: PlanUnitRefDto }) unit: PlanUnitRefDto;
  @ApiProperty({ type: TaskUpdateAuthorDto, nullable: true, description: 'Null for demo data' })
  author: TaskUpdateAuthorDto | null;
  @ApiProperty({ enum: TASK_UPDATE_CHANNELS }) channel: TaskUpdateChannel;
  @ApiProperty() text: string;
  @ApiProperty({ type: TaskUpdateAttachmentDto, nullable: true })
  attachment: TaskUpdateAttachmentDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** An update loaded with its task, unit and author (not its stored file). */
export function toTaskUpdateResponse(update: TaskUpdateEntity): TaskUpdateResponse {
  return {
    id: update.id,
    task: { id: update.task!.id, code: update.task!.code, title: update.task!.title },
    unit: toPlanUnitRef(update.unit!),
    author: update.author ? { id: update.author.id, fullName: update.author.fullName } : null,
    channel: update.channel,
    text: update.text,
    attachment: update.attachmentKind
      ? {
          kind: update.attachmentKind,
          fileName: update.attachmentFileName,
          mimeType: update.attachmentMimeType,
          sizeBytes: update.attachmentSizeBytes,
          fileRef: update.attachmentFileRef,
          // The database holds either the reference or the file (task_updates_attachment).
          stored: update.attachmentFileRef === null,
        }
      : null,
    createdAt: update.createdAt.toISOString(),
  };
}
