import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * Documents the `Idempotency-Key` header once per operation. Read it with `@IdempotencyKey()`, not
 * `@Headers('idempotency-key')`, which would add a second, lower-case parameter to the document.
 */
export function ApiIdempotencyKey(options: { required: boolean; description: string }): MethodDecorator {
  return ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: options.required,
    description: options.description,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  });
}
