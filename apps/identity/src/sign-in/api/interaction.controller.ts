import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { errors, type Interaction } from 'oidc-provider';
import { Public } from '@jianfu/platform';
import { IdentityConfig } from '../../config.js';
import { ChangeInitialPasswordCommand } from '../commands/change-initial-password/change-initial-password.command.js';
import { SignInCommand } from '../commands/sign-in/sign-in.command.js';
import { OpenIdProvider } from '../oidc/openid-provider.js';
import { errorPageHtml } from '../oidc/provider-pages.js';
import { changePasswordPage, signInPage } from './interaction-pages.js';

/** Every failure reads the same, so the page never tells which of login name, password or account was wrong. */
const signInRefused = '用户名或密码错误，或账号暂不可用。';

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The provider's interaction: the sign-in page (用户名/密码/登录), the forced change of an initial password,
 * and consent, which the platform's own client is given without asking.
 */
@ApiExcludeController()
@Public()
@Controller('interaction')
export class InteractionController {
  private readonly contentSecurityPolicy: string;

  constructor(
    private readonly oidc: OpenIdProvider,
    private readonly commands: CommandBus,
    config: IdentityConfig,
  ) {
    // A finished sign-in redirects the form's POST to the client: the client's origins are valid form targets.
    const origins = [...new Set(config.OIDC_CONSOLE_REDIRECT_URIS.split(',').map((uri) => new URL(uri).origin))];
    this.contentSecurityPolicy = [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      `form-action 'self' ${new URL(config.OIDC_ISSUER).origin} ${origins.join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; ');
  }

  @Get(':uid')
  async show(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const interaction = await this.details(uid, request, response);
    if (!interaction) return;
    if (interaction.prompt.name === 'consent') return this.consent(interaction, request, response);
    if (pendingPasswordChange(interaction)) return this.render(response, 200, changePasswordPage(uid));
    this.render(response, 200, signInPage(uid));
  }

  @Post(':uid/login')
  async login(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const interaction = await this.details(uid, request, response);
    if (!interaction) return;
    const loginName = field(request.body, 'username').slice(0, 200);
    const outcome = await this.commands.execute(
      new SignInCommand(loginName, field(request.body, 'password'), request.ip ?? null),
    );
    if (!outcome.signedIn) return this.render(response, 401, signInPage(uid, { error: signInRefused, loginName }));
    if (outcome.mustChangePassword) {
      await this.oidc.provider.interactionResult(
        request,
        response,
        { pendingPasswordChange: outcome.userId },
        { mergeWithLastSubmission: false },
      );
      return this.render(response, 200, changePasswordPage(uid));
    }
    await this.oidc.provider.interactionFinished(
      request,
      response,
      { login: { accountId: outcome.userId } },
      { mergeWithLastSubmission: false },
    );
  }

  @Post(':uid/password')
  async changePassword(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const interaction = await this.details(uid, request, response);
    if (!interaction) return;
    const userId = pendingPasswordChange(interaction);
    if (!userId) return this.render(response, 401, signInPage(uid, { error: signInRefused }));
    const newPassword = field(request.body, 'newPassword');
    if (newPassword !== field(request.body, 'confirmPassword')) {
      return this.render(response, 400, changePasswordPage(uid, '两次输入的新密码不一致'));
    }
    const outcome = await this.commands.execute(
      new ChangeInitialPasswordCommand(userId, newPassword, request.ip ?? null),
    );
    if (!outcome.changed) return this.render(response, 400, changePasswordPage(uid, outcome.rule));
    await this.oidc.provider.interactionFinished(
      request,
      response,
      { login: { accountId: userId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** The interaction behind this browser's cookie, or an error page when it is missing, expired or another one. */
  private async details(uid: string, request: Request, response: Response): Promise<Interaction | undefined> {
    try {
      const interaction = await this.oidc.provider.interactionDetails(request, response);
      if (interaction.uid === uid) return interaction;
    } catch (error) {
      // An expired or unknown interaction: the person starts the sign-in again from the client. Anything else
      // (the database unreachable) is the platform's 503, not a page blaming the person's session.
      if (!(error instanceof errors.OIDCProviderError)) throw error;
    }
    this.render(response, 400, errorPageHtml('登录会话已过期，请返回重新登录。'));
    return undefined;
  }

  private async consent(interaction: Interaction, request: Request, response: Response): Promise<void> {
    const { provider } = this.oidc;
    const accountId = interaction.session?.accountId;
    const clientId = interaction.params.client_id as string;
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId, clientId });
    if (!grant) return this.render(response, 400, errorPageHtml('登录会话已过期，请返回重新登录。'));
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  private render(response: Response, status: number, html: string): void {
    response
      .status(status)
      .set('Content-Security-Policy', this.contentSecurityPolicy)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(html);
  }
}

function pendingPasswordChange(interaction: Interaction): string | undefined {
  const pending = (interaction.result as { pendingPasswordChange?: unknown } | undefined)?.pendingPasswordChange;
  return typeof pending === 'string' ? pending : undefined;
}
