import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@jianfu/platform';
import { GatewayConfig } from '../../config.js';
import { BeginSignInCommand } from '../commands/begin-sign-in/begin-sign-in.command.js';
import { signInAttemptSeconds } from '../commands/begin-sign-in/begin-sign-in.handler.js';
import { CompleteSignInCommand } from '../commands/complete-sign-in/complete-sign-in.command.js';
import { SignOutCommand } from '../commands/sign-out/sign-out.command.js';
import type { ActiveSession } from '../session-access.js';
import {
  clearCookie,
  readCookie,
  sessionCookie,
  setCookie,
  signInCookie,
  signInCookiePath,
} from './session-cookies.js';
import { CurrentSession } from './session.guard.js';

/** Sign-in with the identity service, the session the console reads, and sign-out. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: GatewayConfig,
  ) {}

  private get secure(): boolean {
    return this.config.PUBLIC_URL.startsWith('https:');
  }

  @Get('sign-in')
  @Public()
  @ApiOperation({ summary: 'Sends the browser to the identity service to sign in; comes back to returnTo (a path)' })
  async signIn(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const started = await this.commands.execute(new BeginSignInCommand(returnTo));
    setCookie(response, signInCookie, started.attemptId, {
      secure: this.secure,
      path: signInCookiePath,
      maxAgeSeconds: signInAttemptSeconds,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, started.authorizationUrl);
  }

  @Get('callback')
  @Public()
  @ApiOperation({ summary: 'Where the identity service returns: opens the session and sends the browser on' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const callbackUrl = new URL(request.originalUrl, this.config.PUBLIC_URL);
    const attemptId = readCookie(request, signInCookie);
    clearCookie(response, signInCookie, { secure: this.secure, path: signInCookiePath });
    const completed = await this.commands.execute(new CompleteSignInCommand(callbackUrl, attemptId));
    setCookie(response, sessionCookie, completed.sessionId, {
      secure: this.secure,
      maxAgeSeconds: this.config.SESSION_TTL_SECONDS,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, completed.returnTo);
  }

  @Get('session')
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token unsafe requests must carry (x-csrf-token)' })
  session(@CurrentSession() session: ActiveSession, @Res({ passthrough: true }) response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    const { user } = session;
    return {
      user: { id: user.userId, name: user.name, roles: user.roles, scope: user.scope },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  @Post('sign-out')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ends the session; answers the identity service’s sign-out URL for the browser to open' })
  async signOut(@CurrentSession() session: ActiveSession, @Res({ passthrough: true }) response: Response) {
    const result = await this.commands.execute(new SignOutCommand(session));
    clearCookie(response, sessionCookie, { secure: this.secure });
    return result;
  }
}
