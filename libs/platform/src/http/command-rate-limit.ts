import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from './throttler.js';
import type { AuthenticatedRequest } from '../auth/access.decorators.js';
import type { PlatformConfig } from '../config/platform-config.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rate limits for commands: every unsafe method counts against one budget per caller (the token's subject,
 * or the address for a public route), across all routes, so a runaway client or script cannot flood the
 * workflows and the outbox. Reads are not limited. Over the budget: 429 problem+json with Retry-After.
 * The counters live in the process; behind N replicas a caller gets at most N times the budget.
 */
export function commandRateLimitOptions(config: PlatformConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: config.RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT_COMMANDS }],
    skipIf: (context: ExecutionContext) =>
      config.RATE_LIMIT_COMMANDS === 0 ||
      context.getType() !== 'http' ||
      safeMethods.has(context.switchToHttp().getRequest<AuthenticatedRequest>().method),
    // Runs after the access guard, so the principal is known.
    getTracker: (request: Record<string, unknown>) => {
      const { principal, ip } = request as unknown as AuthenticatedRequest;
      return principal ? `user:${principal.userId}` : `ip:${ip ?? 'unknown'}`;
    },
    generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
    errorMessage: 'Too many commands; wait for the time in Retry-After',
  };
}
