import type { Params } from 'nestjs-pino';
import { RequestContext } from '../context/request-context.js';

/** Structured JSON logs; every line of a request carries its request and correlation ids. */
export function loggerOptions(serviceName: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service: serviceName },
      genReqId: (request) => (request as { id?: string }).id ?? RequestContext.current()?.requestId ?? 'unknown',
      customProps: () => ({ correlationId: RequestContext.current()?.correlationId }),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (request) => request.url === '/health' },
    },
  };
}
