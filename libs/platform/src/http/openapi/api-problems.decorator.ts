import { ApiExtension } from '@nestjs/swagger';
import type { ErrorCode, ErrorCodes } from './error-codes.js';

export const CONTEXT_ERROR_CODES_EXTENSION = 'x-context-error-codes';
export const OPERATION_ERROR_CODES_EXTENSION = 'x-error-codes';

type Codes = ErrorCodes | readonly ErrorCode[] | ErrorCode;

function flatten(codes: Codes[]): ErrorCode[] {
  return codes.flatMap((entry) =>
    'code' in entry && typeof entry.code === 'string'
      ? [entry as ErrorCode]
      : Array.isArray(entry)
        ? (entry as readonly ErrorCode[])
        : Object.values(entry as ErrorCodes),
  );
}

/**
 * Names the error codes an operation (on a method) or every operation of a controller (on the class) may
 * answer besides the platform's own; the document lists each under its status as problem+json.
 */
export function ApiProblems(...codes: Codes[]): ClassDecorator & MethodDecorator {
  const list = flatten(codes).map(({ code, status, description }) => ({ code, status, description }));
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const extension = descriptor ? OPERATION_ERROR_CODES_EXTENSION : CONTEXT_ERROR_CODES_EXTENSION;
    ApiExtension(extension, list)(target, key, descriptor);
  };
}
