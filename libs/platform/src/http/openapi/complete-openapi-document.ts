import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem-details.js';
import { CONTEXT_ERROR_CODES_EXTENSION, OPERATION_ERROR_CODES_EXTENSION } from './api-problems.decorator.js';
import { type ErrorCode, PlatformErrors, type ProblemStatus } from './error-codes.js';

type Operation = Record<string, unknown> & {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
};

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

const statusTitles: Record<ProblemStatus, string> = {
  400: 'The request is invalid',
  401: 'No valid bearer token',
  403: 'Not allowed for this role or organisation scope',
  404: 'No such record within the caller’s scope',
  409: 'The record’s state or a uniqueness rule refuses the request',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'A rule of the domain refuses the request',
  429: 'Too many requests',
  503: 'A dependency is unavailable for now',
};

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` names the rule, `errors` the invalid fields of a 400.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
};

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
};

function platformCodes(operation: Operation, method: string): ErrorCode[] {
  const authenticated = (operation.security?.length ?? 0) > 0;
  const codes: ErrorCode[] = [
    PlatformErrors['request.invalid'],
    PlatformErrors['request.value-rejected'],
    PlatformErrors['dependency.unavailable'],
  ];
  if (authenticated) {
    codes.push(
      PlatformErrors['access.unauthenticated'],
      PlatformErrors['access.forbidden'],
      PlatformErrors['access.out-of-scope'],
    );
  }
  if (method !== 'get') {
    codes.push(
      PlatformErrors['request.rate-limited'],
      PlatformErrors['idempotency.in-progress'],
      PlatformErrors['idempotency.key-reused'],
    );
  }
  if (operation.requestBody) {
    codes.push(
      PlatformErrors['request.malformed'],
      PlatformErrors['request.too-large'],
      PlatformErrors['request.unsupported-media-type'],
    );
  }
  return codes;
}

type DeclaredResponse = { description?: string; content?: Record<string, { schema?: object }> } | undefined;

function problemResponse(
  status: ProblemStatus,
  codes: ErrorCode[],
  declared: DeclaredResponse,
): Record<string, unknown> {
  const unique = [...new Set(codes.map((entry) => entry.code))].sort();
  // An operation may describe extension members of its own problems (e.g. `unmet`); they join the schema.
  const extension = declared?.content?.[PROBLEM_CONTENT_TYPE]?.schema;
  return {
    description: [
      statusTitles[status],
      ...codes.map((entry) => `\`${entry.code}\`: ${entry.description}`),
      ...(extension && declared?.description ? [declared.description] : []),
    ].join('\n\n'),
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    ...(status === 401
      ? { headers: { 'WWW-Authenticate': { description: 'The Bearer challenge', schema: { type: 'string' } } } }
      : {}),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/ProblemDetails' },
            { type: 'object', properties: { status: { enum: [status] }, code: { enum: unique } } },
            ...(extension ? [extension] : []),
          ],
        },
      },
    },
  };
}

/**
 * Completes what controllers declare: every operation documents each error it can answer as
 * problem+json, grouped by status with the codes it may carry (the platform's edges plus the codes its
 * context and the operation name with `@ApiProblems`), and the document lists every code once.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const allCodes = new Map<string, ErrorCode>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of methods) {
      const operation = (pathItem as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const declared = [
        ...((operation[CONTEXT_ERROR_CODES_EXTENSION] as ErrorCode[] | undefined) ?? []),
        ...((operation[OPERATION_ERROR_CODES_EXTENSION] as ErrorCode[] | undefined) ?? []),
      ];
      delete operation[CONTEXT_ERROR_CODES_EXTENSION];
      const codes = [...platformCodes(operation, method), ...declared];
      operation[OPERATION_ERROR_CODES_EXTENSION] = [...new Set(codes.map((entry) => entry.code))].sort();
      const byStatus = new Map<ProblemStatus, ErrorCode[]>();
      for (const entry of codes) {
        allCodes.set(entry.code, entry);
        byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), entry]);
      }
      operation.responses ??= {};
      for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
        operation.responses[String(status)] = problemResponse(
          status,
          list,
          operation.responses[String(status)] as DeclaredResponse,
        );
      }
    }
  }
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ProblemDetails: problemSchema,
    ErrorCode: {
      type: 'string',
      description: [...allCodes.values()]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((entry) => `- \`${entry.code}\` (${entry.status}): ${entry.description}`)
        .join('\n'),
      enum: [...allCodes.keys()].sort(),
    },
  };
  return document;
}
