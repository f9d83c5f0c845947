import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@jianfu/platform';
import { OpenIdProvider } from '../oidc/openid-provider.js';

/**
 * Mounts the OpenID Provider under `/oidc` (discovery, JWKS, authorization, token, revocation, sign-out).
 * The provider parses its own form bodies and writes its own answers, in OAuth's error format.
 */
@ApiExcludeController()
@Public()
@Controller('oidc')
export class OidcController {
  constructor(private readonly oidc: OpenIdProvider) {}

  @All(['', '*path'])
  handle(@Req() request: Request, @Res() response: Response): void {
    request.url = request.originalUrl.slice('/oidc'.length) || '/';
    // Helmet's policy forbids the provider's sign-out form from returning to the client: the provider's pages
    // carry no script, and post only to the provider itself, which then redirects to a registered client URI.
    response.removeHeader('Content-Security-Policy');
    response.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    this.oidc.handle(request, response);
  }
}
