import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginResponse, ROLES, SessionResponse, UserResponse } from '@gcm/domain';
import type { Request, Response } from 'express';
import {
  Actor,
  AllowPendingPasswordChange,
  CurrentActor,
  CurrentUser,
  Public,
  Roles,
} from '../../common/decorators/access.decorators';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { UsersService } from '../users/users.service';
import { toUserResponse } from '../users/user.mapper';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, toSessionResponse } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @InjectEnv() private readonly env: Env,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, {
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
    res.cookie(
      SESSION_COOKIE,
      result.token,
      sessionCookieOptions(this.env.COOKIE_SECURE, result.expiresAt),
    );
    return { user: toUserResponse(result.user), expiresAt: result.expiresAt.toISOString() };
  }

  @Post('logout')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @HttpCode(204)
  async logout(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.env.COOKIE_SECURE));
  }

  @Get('me')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  async me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return toUserResponse(await this.users.get(user.id));
  }

  @Post('change-password')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Get('sessions')
  @Roles(...ROLES)
  async sessions(@CurrentUser() user: AuthUser): Promise<SessionResponse[]> {
    const sessions = await this.auth.listSessions(user);
    return sessions.map((s) => toSessionResponse(s, user.sessionId));
  }

  @Delete('sessions/:id')
  @Roles(...ROLES)
  @HttpCode(204)
  revokeSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.auth.revokeSession(user, id);
  }
}
