import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PlatformConfig } from '../config/platform-config.js';
import { allRoles, type Principal, type Role } from './principal.js';

interface AccessTokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  scope: Principal['scope'];
}

/** Signs and verifies the HS256 bearer tokens the services accept. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(config: PlatformConfig) {
    this.jwt = new JwtService({
      secret: config.JWT_SECRET,
      signOptions: { algorithm: 'HS256', issuer: config.JWT_ISSUER },
      verifyOptions: { algorithms: ['HS256'], issuer: config.JWT_ISSUER },
    });
  }

  sign(principal: Principal, expiresInSeconds = 8 * 3600): string {
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      name: principal.name,
      roles: principal.roles,
      scope: principal.scope,
    };
    return this.jwt.sign(claims, { expiresIn: expiresInSeconds });
  }

  verify(token: string): Principal {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token);
    } catch (error) {
      throw new UnauthorizedException(`Bearer token rejected: ${(error as Error).message}`);
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((role) => allRoles.includes(role)) : [];
    if (!claims.sub || roles.length === 0 || !claims.scope?.districtCode) {
      throw new UnauthorizedException('Bearer token lacks subject, roles or organisation scope');
    }
    return { userId: claims.sub, name: claims.name ?? claims.sub, roles, scope: claims.scope };
  }
}
