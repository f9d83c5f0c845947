import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext } from '../context/request-context.js';
import { DomainError } from './domain-error.js';
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
  500: 'Internal Server Error',
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
    return { ...base, type: problemType(`http-${status}`), title: titles[status] ?? 'Error', status, detail };
  }
  // body-parser errors carry their own 4xx status (malformed JSON, body too large, bad charset).
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      ...base,
      type: problemType(`http-${status}`),
      title: titles[status] ?? 'Bad Request',
      status,
      detail: (error as Error).message,
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

export function sendProblem(response: Response, problem: ProblemDetails): void {
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = toProblem(error, request.originalUrl);
    if (problem.status >= 500) {
      this.logger.error({ err: error, path: request.originalUrl }, 'Unhandled error');
    }
    sendProblem(http.getResponse<Response>(), problem);
  }
}
