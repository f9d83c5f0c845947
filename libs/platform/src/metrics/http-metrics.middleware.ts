import type { NextFunction, Request, Response } from 'express';
import type { PlatformMetrics } from './platform-metrics.js';

/**
 * Times every request by its route template (`/submissions/:submissionId`, never the concrete path, so the
 * series stay few); a request no route matched counts as `unmatched`, so scanners cannot mint series.
 */
export function httpMetricsMiddleware(metrics: PlatformMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const template = (request.route as { path?: unknown } | undefined)?.path;
      // Nest answers an unknown path from a catch-all route (`{/*splat}`); that is no route of ours.
      const matched = typeof template === 'string' && !template.includes('*');
      stop({
        method: request.method,
        route: matched ? `${request.baseUrl}${template}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}
