import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntryResponse, AuditListQuery } from '@gcm/domain';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/dto/pagination.dto';
import { Optional } from '../../../common/validation/optional';
import { AuditEntryEntity } from '../audit-entry.entity';

export class AuditListQueryDto extends PaginationQueryDto implements AuditListQuery {
  @ApiPropertyOptional({ example: 'unit' })
  @Optional()
  @IsString()
  @MaxLength(32)
  entityType?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  actorId?: string;
}

export function toAuditEntryResponse(entry: AuditEntryEntity): AuditEntryResponse {
  return {
    id: entry.id,
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
    createdAt: entry.createdAt.toISOString(),
  };
}
