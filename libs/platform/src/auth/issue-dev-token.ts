import { parseArgs } from 'node:util';
import { PlatformConfig } from '../config/platform-config.js';
import { AccessTokenService } from './access-token.service.js';
import { allRoles, type Principal, type Role } from './principal.js';

/**
 * Prints a bearer token for local use: `jianfu token --role admission-reviewer --district 350102`.
 * Signed with the JWT_SECRET of the local environment; never a way into a real deployment.
 */
export function issueDevToken(argv: string[], secret: string, issuer = 'jianfu'): string {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string', default: 'dev-user' },
      name: { type: 'string', default: '开发用户' },
      role: { type: 'string', multiple: true, default: [] },
      district: { type: 'string', default: '350102' },
      street: { type: 'string', multiple: true },
      community: { type: 'string', multiple: true },
      department: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role.length > 0 ? values.role : [...allRoles];
  const unknown = roles.filter((role) => !allRoles.includes(role as Role));
  if (unknown.length > 0) {
    throw new Error(`Unknown role(s): ${unknown.join(', ')}. Known: ${allRoles.join(', ')}`);
  }
  const principal: Principal = {
    userId: values.user,
    name: values.name,
    roles: roles as Role[],
    scope: {
      districtCode: values.district,
      ...(values.street ? { streetCodes: values.street } : {}),
      ...(values.community ? { communityIds: values.community } : {}),
      ...(values.department ? { departmentId: values.department } : {}),
    },
  };
  const config = Object.assign(new PlatformConfig(), { JWT_SECRET: secret, JWT_ISSUER: issuer });
  return new AccessTokenService(config).sign(principal, Number(values.hours) * 3600);
}
