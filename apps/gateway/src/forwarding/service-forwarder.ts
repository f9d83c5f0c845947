import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, preferredWaitSeconds, RequestContext } from '@jianfu/platform';
import { GatewayConfig } from '../config.js';
import { ForwardingErrors } from './domain/forwarding.errors.js';
import { type ForwardedService, ServiceDirectory } from './service-directory.js';

/** What the browser may tell a service besides the body; cookies never leave the gateway. */
const requestHeaders = [
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'idempotency-key',
  'if-none-match',
  'if-match',
  // `wait=N`: a read held until its resource changes (at most 20 s), which extends the upstream timeout below.
  'prefer',
] as const;

/** What a service's answer keeps on its way back. */
const responseHeaders = [
  'content-type',
  'content-length',
  'content-disposition',
  'retry-after',
  'location',
  'etag',
  'preference-applied',
  'cache-control',
  'idempotent-replayed',
  'x-request-id',
] as const;

export function serviceUnavailable(service: string): DomainError {
  return DomainError.of(ForwardingErrors['gateway.service-unavailable'], `The ${service} service does not answer`, {
    service,
  });
}

/**
 * Forwards one request to a service with the user's access token, streaming both bodies (multipart uploads and
 * file downloads never sit in the gateway's memory), and returns the service's status, body and headers as they
 * are, problem+json included. A service that cannot be reached, or sends no answer within `UPSTREAM_TIMEOUT_MS`,
 * is a 503 naming it.
 */
@Injectable()
export class ServiceForwarder {
  private readonly logger = new Logger(ServiceForwarder.name);

  constructor(
    private readonly directory: ServiceDirectory,
    private readonly config: GatewayConfig,
  ) {}

  forward(
    service: ForwardedService,
    pathAndQuery: string,
    request: Request,
    response: Response,
    accessToken: string,
  ): Promise<void> {
    const target = new URL(`${this.directory.baseUrl(service)}${pathAndQuery}`);
    const headers: Record<string, string | string[]> = { authorization: `Bearer ${accessToken}` };
    for (const name of requestHeaders) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const transferEncoding = request.headers['transfer-encoding'];
    if (transferEncoding) headers['transfer-encoding'] = transferEncoding;
    const requestId = RequestContext.current()?.requestId;
    if (requestId) headers['x-request-id'] = requestId;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;

    return new Promise<void>((resolve, reject) => {
      let answered = false;
      // A read the browser asked to wait for a change (`Prefer: wait=N`) is silent for up to N seconds by design:
      // the service's silence counts as a failure only after the wait and the usual timeout.
      const timeout = this.config.UPSTREAM_TIMEOUT_MS + preferredWaitSeconds(request.headers.prefer) * 1000;
      const upstream = send(target, { method: request.method, headers, timeout });
      const fail = (error: Error) => {
        if (answered) {
          // The answer had begun: the browser sees a cut-off body, as it would from the service itself.
          response.destroy(error);
          resolve();
          return;
        }
        answered = true;
        request.unpipe(upstream);
        this.logger.warn({ err: error, service, path: target.pathname }, 'Service did not answer');
        reject(serviceUnavailable(service));
      };
      upstream.on('timeout', () => upstream.destroy(new Error(`No answer within ${timeout} ms`)));
      upstream.on('error', fail);
      upstream.on('response', (answer: IncomingMessage) => {
        answered = true;
        response.status(answer.statusCode ?? 502);
        for (const name of responseHeaders) {
          const value = answer.headers[name];
          if (value !== undefined) response.setHeader(name, value);
        }
        answer.on('error', (error) => response.destroy(error));
        answer.pipe(response);
        answer.on('end', () => resolve());
      });
      // The browser went away (before or during the answer): drop the call to the service too.
      response.on('close', () => {
        if (!response.writableFinished) upstream.destroy();
        resolve();
      });
      request.pipe(upstream);
    });
  }
}
