import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem-details.js';

/** Thrown by the validation pipe; carries one problem per field. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldProblems: FieldProblem[]) {
    super('The request has invalid fields');
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** How many distinct query strings each query DTO remembers, and the longest one remembered. */
const rememberedQueries = 500;
const longestRememberedQuery = 1000;

type Primitive = string | number | boolean | null | undefined;

/** A validated query DTO made only of primitives and arrays of them: the kind a query string becomes. */
function isFlat(dto: object): boolean {
  return Object.values(dto).every(
    (value) =>
      value === null ||
      typeof value !== 'object' ||
      (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')),
  );
}

/** A fresh instance, so a handler that changes its DTO cannot change the one remembered. */
function copyOf<T extends object>(dto: T): T {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(dto))
    copy[key] = Array.isArray(value) ? [...(value as Primitive[])] : value;
  return copy as T;
}

/**
 * The validation pipe, with a query DTO's answer remembered per query string. A read's query is checked by
 * class-transformer and class-validator on every request (the API benchmark's profile put that pass at about a tenth
 * of a small read's CPU), although the same list is asked for with the same parameters again and again, and a query
 * DTO's rules are a function of the query alone (no query DTO may check against time or stored data). So a query
 * that passed once is answered from memory (a copy of the DTO it became); a query that fails is checked every time,
 * so its 400 problem+json is the one the rules produce. Bodies and path parameters are checked every time.
 */
class RememberingValidationPipe extends ValidationPipe {
  private readonly passedQueries = new Map<unknown, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'query' || metadata.data !== undefined || !metadata.metatype) {
      return super.transform(value, metadata);
    }
    if (value === null || typeof value !== 'object') return super.transform(value, metadata);
    const key = JSON.stringify(value);
    if (key.length > longestRememberedQuery) return super.transform(value, metadata);
    let passed = this.passedQueries.get(metadata.metatype);
    const remembered = passed?.get(key);
    if (remembered) return copyOf(remembered);
    const dto: unknown = await super.transform(value, metadata);
    if (dto instanceof metadata.metatype && isFlat(dto as object)) {
      if (!passed) this.passedQueries.set(metadata.metatype, (passed = new Map<string, object>()));
      if (passed.size >= rememberedQueries) passed.delete(passed.keys().next().value!);
      passed.set(key, copyOf(dto as object));
    }
    return dto;
  }
}

/** Whitelist, refuse unknown fields, transform to DTO classes; every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new RememberingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
