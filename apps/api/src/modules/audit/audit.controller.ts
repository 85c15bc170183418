import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, AuditEntryResponse, Role } from '@gcm/domain';
import { Roles } from '../../common/decorators/access.decorators';
import { AuditService } from './audit.service';
import { AuditListQueryDto, toAuditEntryResponse } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin)
  async list(@Query() query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    const [items, total] = await this.audit.list(query);
    return {
      items: items.map(toAuditEntryResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
