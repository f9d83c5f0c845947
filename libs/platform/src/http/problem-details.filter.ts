import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PlatformConfig } from '../config/platform-config.js';
import { RequestContext } from '../context/request-context.js';
import { PlatformErrors } from './openapi/error-codes.js';
import { DependencyUnavailableError } from './dependency-unavailable.error.js';
import { DomainError } from './domain-error.js';
import { isDependencyUnavailable, rejectedValueCode } from './failure-classification.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details.js';
import { RequestValidationError } from './validation.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Codes for the HTTP-level refusals that carry no domain code of their own. */
const httpCodes: Record<number, string> = {
  401: PlatformErrors['access.unauthenticated'].code,
  403: PlatformErrors['access.forbidden'].code,
  404: 'request.not-found',
  413: PlatformErrors['request.too-large'].code,
  415: PlatformErrors['request.unsupported-media-type'].code,
  429: PlatformErrors['request.rate-limited'].code,
};

/** Maps any error to problem+json. Unknown errors become 500 without leaking their message. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  const requestId = RequestContext.current()?.requestId;
  const base = { instance, requestId };
  if (error instanceof RequestValidationError) {
    return {
      ...base,
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail: error.fieldProblems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      code: 'request.invalid',
      errors: error.fieldProblems,
    };
  }
  if (error instanceof DependencyUnavailableError) {
    return {
      ...base,
      type: problemType(error.code),
      title: titles[503],
      status: 503,
      detail: error.message,
      code: error.code,
      ...(error.checks ? { checks: error.checks } : {}),
    };
  }
  if (error instanceof DomainError) {
    // A rule's details are RFC 9457 extension members (e.g. `unmet`); the standard members win a clash.
    return {
      ...error.details,
      ...base,
      type: problemType(error.code),
      title: titles[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : error.message;
    return {
      ...base,
      type: problemType(`http-${status}`),
      title: titles[status] ?? 'Error',
      status,
      detail,
      ...(httpCodes[status] ? { code: httpCodes[status] } : {}),
    };
  }
  // Body parsers' errors carry their own 4xx status (malformed JSON, body too large, bad charset, a media type no
  // parser takes): body-parser's as `status`, Fastify's as `statusCode`.
  const failure = error as { status?: unknown; statusCode?: unknown } | null;
  const status = failure?.status ?? failure?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      ...base,
      type: problemType(`http-${status}`),
      title: titles[status] ?? 'Bad Request',
      status,
      detail: (error as Error).message,
      code: status === 400 ? PlatformErrors['request.malformed'].code : httpCodes[status],
    };
  }
  if (isDependencyUnavailable(error)) {
    return {
      ...base,
      type: problemType('dependency.unavailable'),
      title: titles[503],
      status: 503,
      detail: 'A service this request needs is unreachable at the moment; retry later',
      code: 'dependency.unavailable',
    };
  }
  const sqlState = rejectedValueCode(error);
  if (sqlState) {
    return {
      ...base,
      type: problemType('request.value-rejected'),
      title: titles[400],
      status: 400,
      detail: `A value of the request does not fit the stored data (SQLSTATE ${sqlState})`,
      code: 'request.value-rejected',
    };
  }
  return {
    ...base,
    type: problemType('internal'),
    title: 'Internal Server Error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'An unexpected error occurred; it has been logged',
  };
}

/**
 * RFC 6750 §3: every 401 names the scheme; a request that sent a token learns it was refused as invalid.
 * The description is fixed text, because the header grammar forbids quotes a driver message may hold.
 */
function bearerChallenge(request: Request | undefined): string {
  const realm = 'Bearer realm="jianfu"';
  return request?.headers.authorization
    ? `${realm}, error="invalid_token", error_description="The access token is missing, malformed, expired or not trusted"`
    : realm;
}

export function sendProblem(
  response: Response,
  problem: ProblemDetails,
  request?: Request,
  retryAfterSeconds = 5,
): void {
  if ((problem.status === 503 || problem.status === 429) && !response.getHeader('retry-after')) {
    response.setHeader('Retry-After', String(retryAfterSeconds));
  }
  if (problem.status === 401) response.setHeader('WWW-Authenticate', bearerChallenge(request));
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly config: PlatformConfig) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = toProblem(error, request.originalUrl);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error({ err: error, path: request.originalUrl }, 'Unhandled error');
    } else if (problem.status === 503 || problem.code === 'request.value-rejected') {
      // Not a bug of ours, but worth seeing: an outage, or a validation rule some DTO lacks.
      this.logger.warn({ err: error, path: request.originalUrl }, problem.detail);
    }
    sendProblem(http.getResponse<Response>(), problem, request, this.config.RETRY_AFTER_SECONDS);
  }
}
