import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  LINK_CODE_ISSUERS,
  LinkCodeResponse,
  LinkCodeSummaryResponse,
  LinkedAccountResponse,
  UnitMemberResponse,
} from '@gcm/domain';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { ErrorBodyDto } from '../../common/dto/openapi.dto';
import {
  CreateLinkCodeDto,
  LinkCodeResponseDto,
  LinkCodeSummaryResponseDto,
  LinkedAccountResponseDto,
  UnitMemberResponseDto,
} from './dto/linked-accounts.dto';
import { LinkCodesService } from './link-codes.service';
import { LinkedAccountsService } from './linked-accounts.service';

@ApiTags('linked accounts')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Role not allowed' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'unit_not_found, or the code or account' })
@Controller('units/:unitId')
@Roles(...LINK_CODE_ISSUERS)
export class LinkedAccountsController {
  constructor(
    private readonly codes: LinkCodesService,
    private readonly accounts: LinkedAccountsService,
  ) {}

  /** The unit's active members, by name: those a code may be issued to. */
  @Get('members')
  @ApiOkResponse({ type: [UnitMemberResponseDto] })
  members(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<UnitMemberResponse[]> {
    return this.accounts.membersOf(unitId);
  }

  /** A one-time code for a member of the unit to type to the bot: `/lienket CODE`. */
  @Post('link-codes')
  @ApiCreatedResponse({ type: LinkCodeResponseDto, description: 'Valid 72 hours, once' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'userId is not a member' })
  issue(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: CreateLinkCodeDto,
  ): Promise<LinkCodeResponse> {
    return this.codes.issue(actor, unitId, body.userId);
  }

  @Get('link-codes')
  @ApiOkResponse({ type: [LinkCodeSummaryResponseDto], description: 'Newest first (200 at most)' })
  listCodes(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<LinkCodeSummaryResponse[]> {
    return this.codes.listForUnit(unitId);
  }

  /** Revokes a code not used yet (204 also when it was revoked, used or expired already). */
  @Delete('link-codes/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.codes.revoke(actor, unitId, id);
  }

  @Get('linked-accounts')
  @ApiOkResponse({ type: [LinkedAccountResponseDto], description: 'Newest first' })
  listAccounts(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<LinkedAccountResponse[]> {
    return this.accounts.listForUnit(unitId);
  }

  @Delete('linked-accounts/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  unlink(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.accounts.unlink(actor, unitId, id);
  }
}
