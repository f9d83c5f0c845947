import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldProblem } from './problem-details.js';
import { RequestValidationError } from './validation.js';

export interface InputSafetyRules {
  maxOffset: number;
  maxLimit: number;
}

type Location = 'body' | 'query' | 'path';

const locations: Partial<Record<ArgumentMetadata['type'], Location>> = { body: 'body', query: 'query', param: 'path' };
const maxProblems = 20;
const digits = /^\d{1,16}$/;

function describe(location: Location, field: string): string {
  if (location === 'body') return field;
  return `${location === 'path' ? 'path parameter' : 'query parameter'} ${field}`;
}

/** Field names stay printable even when the offending character is in a key. */
function printable(key: string): string {
  return key.isWellFormed() && !key.includes('\u0000') ? key : JSON.stringify(key).slice(1, -1);
}

function stringProblem(location: Location, field: string, value: string): FieldProblem | undefined {
  if (value.includes('\u0000')) {
    return { field, rule: 'no-nul', message: `${describe(location, field)} must not contain a NUL character (U+0000)` };
  }
  if (!value.isWellFormed()) {
    return {
      field,
      rule: 'well-formed-unicode',
      message: `${describe(location, field)} must be well-formed Unicode (no lone UTF-16 surrogate)`,
    };
  }
  return undefined;
}

function pagingProblem(field: 'offset' | 'limit', value: unknown, rules: InputSafetyRules): FieldProblem | undefined {
  const [min, max] = field === 'offset' ? [0, rules.maxOffset] : [1, rules.maxLimit];
  const message = `query parameter ${field} must be an integer from ${min} to ${max}`;
  if (typeof value !== 'string' || !digits.test(value)) return { field, rule: 'paging', message };
  const number = Number(value);
  return number < min || number > max ? { field, rule: 'paging', message } : undefined;
}

/**
 * Finds what no handler should ever see, whatever its DTO says: NUL characters and lone surrogates in any
 * string or key (Postgres refuses both, and they are never meaningful), numbers beyond the safe-integer
 * range (a bigint column overflows, and JSON `1e400` is Infinity), and `offset`/`limit` query parameters
 * outside the platform's paging bounds. `name` is the parameter a handler asked for, if only one.
 */
export function findUnsafeInput(
  value: unknown,
  location: Location,
  name: string | undefined,
  rules: InputSafetyRules,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (location === 'query') {
    const paging =
      name === 'offset' || name === 'limit'
        ? [[name, value] as const]
        : name === undefined && value !== null && typeof value === 'object'
          ? (['offset', 'limit'] as const)
              .filter((field) => (value as Record<string, unknown>)[field] !== undefined)
              .map((field) => [field, (value as Record<string, unknown>)[field]] as const)
          : [];
    for (const [field, raw] of paging) {
      if (raw === undefined) continue;
      const problem = pagingProblem(field, raw, rules);
      if (problem) problems.push(problem);
    }
  }
  // Iterative, so no input can exhaust the stack here.
  const pending: { value: unknown; field: string }[] = [{ value, field: name ?? '' }];
  while (pending.length > 0 && problems.length < maxProblems) {
    const { value: current, field } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(location, field || location, current);
      if (problem) problems.push(problem);
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current) || Math.abs(current) > Number.MAX_SAFE_INTEGER) {
        problems.push({
          field: field || location,
          rule: 'out-of-range',
          message: `${describe(location, field || location)} must be a finite number within ±${Number.MAX_SAFE_INTEGER}`,
        });
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, field: field ? `${field}.${index}` : `${index}` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const child = field ? `${field}.${printable(key)}` : printable(key);
        const keyProblem = stringProblem(location, child, key);
        if (keyProblem) problems.push(keyProblem);
        pending.push({ value: item, field: child });
      }
    }
  }
  return problems;
}

/**
 * The first global pipe: every body, query and path value passes here before its DTO or parse pipe sees
 * it, so one place refuses the input classes that used to reach Postgres, with a 400 naming the field.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  constructor(private readonly rules: InputSafetyRules) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const location = locations[metadata.type];
    if (!location) return value;
    const problems = findUnsafeInput(value, location, metadata.data, this.rules);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return value;
  }
}

/** Nesting depth of a parsed JSON value, counted without recursion and abandoned once past `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (item !== null && typeof item === 'object') pending.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * Runs right after the JSON parser: a body nested deeper than any DTO needs is refused with 400 before
 * class-transformer, which recurses once per level, can overflow the stack on it.
 */
export function bodyDepthLimit(maxDepth: number) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (jsonDepthExceeds(request.body, maxDepth)) {
      next(
        new RequestValidationError([
          { field: 'body', rule: 'max-depth', message: `the JSON body must not nest deeper than ${maxDepth} levels` },
        ]),
      );
      return;
    }
    next();
  };
}
