import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError } from '../http/domain-error.js';
import { ChangeFeed } from './change-feed.js';

/** The longest a read waits (the gateway adds a read's wait to its upstream timeout, so a wait never ends as a 503). */
export const MAX_CHANGE_WAIT_SECONDS = 20;

const changeKeyParam = Symbol('waits-for-change:param');

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
}
type ServerResponseLike = NodeJS.EventEmitter & { writableFinished?: boolean };
/** Fastify's reply (the Node response as `raw`) or Express's response (the Node response itself). */
type HttpReplyLike = { header(name: string, value: string): unknown } & (
  { raw: ServerResponseLike } | (ServerResponseLike & { raw?: undefined })
);

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.status === 404;
}

/** The weak entity tag of a representation already written as JSON: equal JSON, equal tag. */
export function entityTagOfJson(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url')}"`;
}

/** The entity tags an `If-None-Match` lists (weak comparison: `W/` is ignored); `*` when it names any. */
export function listedEntityTags(header: string | string[] | undefined): Set<string> | '*' | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value?.trim()) return null;
  if (value.trim() === '*') return '*';
  const tags = new Set<string>();
  for (const match of value.matchAll(/(?:W\/)?("[^"]*")/g)) tags.add(match[1]);
  return tags;
}

/** `Prefer: wait=N` (RFC 7240) in whole seconds, capped; 0 when absent or not a number. */
export function preferredWaitSeconds(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /(?:^|[,;\s])wait\s*=\s*"?(\d{1,6})"?/i.exec(value);
  return match ? Math.min(Number(match[1]), MAX_CHANGE_WAIT_SECONDS) : 0;
}

/**
 * A read a client can wait on instead of polling. Every answer carries an `ETag`. A request whose `If-None-Match`
 * names the current tag is answered `304 Not Modified`; with `Prefer: wait=N` as well, the answer is held until a
 * committed change to the resource (announced by its tables' triggers under the route parameter `param`) changes
 * the representation, then sent at once, or for at most N seconds (capped at 20), then 304. A read of a resource
 * that does not exist yet (404) with `Prefer: wait=N` waits the same way for it to be created. A 304 or a 404 is
 * always checked against a fresh read: the announcement only decides how soon the read happens.
 */
export function WaitsForChange(param: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(changeKeyParam, param),
    UseInterceptors(WaitForChangeInterceptor),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The `ETag` of the representation the client holds: answered 304 while it is still current',
    }),
    ApiHeader({
      name: 'Prefer',
      required: false,
      description:
        '`wait=N` with `If-None-Match`: hold the answer until the resource changes, for at most N seconds ' +
        `(capped at ${MAX_CHANGE_WAIT_SECONDS}), instead of polling; for a resource that does not exist yet, ` +
        'hold the answer until it is created, and answer 404 only once the wait is over',
    }),
    ApiResponse({
      status: 304,
      description: 'Not Modified: the representation named by `If-None-Match` is still current (after any wait)',
      headers: { ETag: { description: 'The current representation’s entity tag', schema: { type: 'string' } } },
    }),
  );
}

@Injectable()
export class WaitForChangeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly feed: ChangeFeed,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const reply = http.getResponse<HttpReplyLike>();
    const param = this.reflector.get<string>(changeKeyParam, context.getHandler());
    return from(this.answer(request, reply, request.params?.[param], next));
  }

  private async answer(
    request: HttpRequestLike,
    reply: HttpReplyLike,
    key: string | undefined,
    next: CallHandler,
  ): Promise<unknown> {
    const held = listedEntityTags(request.headers['if-none-match']);
    const waitSeconds = held !== '*' && key ? preferredWaitSeconds(request.headers.prefer) : 0;
    // Opened before the first read, so a change committed between that read and the wait still wakes it.
    const watch = waitSeconds > 0 ? this.feed.watch(key!) : undefined;
    const gone = new AbortController();
    const connection: ServerResponseLike = reply.raw ?? reply;
    const onClose = () => {
      if (!connection.writableFinished) gone.abort();
    };
    connection.on('close', onClose);
    try {
      const deadline = Date.now() + waitSeconds * 1000;
      for (;;) {
        let body: unknown;
        try {
          body = await lastValueFrom(next.handle());
        } catch (error) {
          // Not there yet: a read that may wait waits for it to be created, and answers 404 once the wait is over.
          const left = deadline - Date.now();
          if (!watch || !isNotFound(error) || left <= 0 || gone.signal.aborted || watch.ended) throw error;
          await watch.next(left, gone.signal);
          continue;
        }
        const json = JSON.stringify(body);
        const tag = entityTagOfJson(json ?? '');
        reply.header('ETag', tag);
        if (!held || (held !== '*' && !held.has(tag.slice(2)))) {
          if (json === undefined) return body;
          // Sent as the JSON the tag was taken of, rather than serialised a second time by the HTTP layer.
          reply.header('Content-Type', 'application/json; charset=utf-8');
          return json;
        }
        const left = deadline - Date.now();
        if (!watch || left <= 0 || gone.signal.aborted || watch.ended) {
          // A web Response is sent with its own status; a plain body would be sent as the route's 200.
          return new Response(null, {
            status: 304,
            headers: { ETag: tag, ...(watch ? { 'Preference-Applied': `wait=${waitSeconds}` } : {}) },
          });
        }
        await watch.next(left, gone.signal);
      }
    } finally {
      watch?.close();
      connection.off('close', onClose);
    }
  }
}
