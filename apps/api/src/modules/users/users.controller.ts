import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreatedUserResponse, Page, ResetPasswordResponse, Role, UserResponse } from '@gcm/domain';
import { Actor, CurrentActor, Roles } from '../../common/decorators/access.decorators';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles(Role.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    const [items, total] = await this.users.list(query);
    return { items: items.map(toUserResponse), total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateUserDto,
  ): Promise<CreatedUserResponse> {
    const { user, temporaryPassword } = await this.users.create(actor, body);
    return { user: toUserResponse(user), ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(id));
  }

  @Patch(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(actor, id, body));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  async resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ResetPasswordResponse> {
    return { temporaryPassword: await this.users.resetPassword(actor, id) };
  }

  @Delete(':id')
  @HttpCode(204)
  deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.users.deactivate(actor, id);
  }
}
