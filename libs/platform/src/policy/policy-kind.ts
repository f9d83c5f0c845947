import type { Role } from '../auth/principal.js';
import type { FieldProblem } from '../http/problem-details.js';

/** One rule a policy document breaks: the field (a dotted path) and the rule's name, as a 400 answer lists them. */
export type PolicyViolation = FieldProblem;

/**
 * A kind of policy a service owns (e.g. personnel's `assessment`): what its document holds by default and
 * the rules a document must keep. The defaults are the seeds' figures, overridden only by the deployment's
 * environment; a district's first version is made of them.
 */
export interface PolicyKind<T extends object = object> {
  /** Path segment and key, e.g. `assessment`. */
  kind: string;
  /** What the document governs, for people. */
  title: string;
  /** Who proposes and decides versions (district-wide users of these roles; two different people). */
  authorRoles: readonly Role[];
  /** The deployment's defaults, loaded as version 1 for a district that has no version of the kind. */
  defaults: T;
  /** Every rule the document breaks; empty when it may be published. */
  validate(document: unknown): PolicyViolation[];
}

type Json = unknown;

/**
 * Reads a document while collecting what is wrong with it, so a validator reports every broken rule at
 * once: each accessor records a violation (field and rule) and answers `undefined` when the value is unfit.
 */
export class PolicyDocumentChecks {
  readonly violations: PolicyViolation[] = [];

  constructor(private readonly document: Json) {}

  fail(field: string, rule: string, message: string): void {
    this.violations.push({ field, rule, message });
  }

  private at(path: string): { found: boolean; value: Json } {
    let value: Json = this.document;
    for (const key of path === '' ? [] : path.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) {
        return { found: false, value: undefined };
      }
      value = (value as Record<string, Json>)[key];
    }
    return { found: true, value };
  }

  /** An object holding exactly `keys`: a missing key is `required`, another key `unknown-field`. */
  object(path: string, keys: readonly string[]): boolean {
    const { found, value } = this.at(path);
    const label = path || 'document';
    if (!found) {
      this.fail(label, 'required', `${label} is required`);
      return false;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(label, 'object', `${label} must be an object`);
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key))
        this.fail(join(path, key), 'unknown-field', `${join(path, key)} is not a field of the policy`);
    }
    return true;
  }

  /** An integer within bounds; `rule` names the bound in the answer (e.g. `percent-at-most-100`). */
  integer(path: string, bounds: { min: number; max: number; rule?: string; missingRule?: string }): number | undefined {
    const { found, value } = this.at(path);
    if (!found) {
      this.fail(path, bounds.missingRule ?? 'required', `${path} is required`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.fail(path, 'integer', `${path} must be an integer`);
      return undefined;
    }
    if (value < bounds.min || value > bounds.max) {
      this.fail(path, bounds.rule ?? 'range', `${path} must be between ${bounds.min} and ${bounds.max}, not ${value}`);
      return undefined;
    }
    return value;
  }

  oneOf<V extends string>(path: string, values: readonly V[]): V | undefined {
    const { found, value } = this.at(path);
    if (!found) {
      this.fail(path, 'required', `${path} is required`);
      return undefined;
    }
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.fail(path, 'one-of', `${path} must be one of ${values.join(', ')}`);
      return undefined;
    }
    return value as V;
  }

  /** `earlier ≥ later` for each neighbouring pair that was read; `rule` names the order (e.g. `bonus-rises-with-grade`). */
  descending(entries: [path: string, value: number | undefined][], rule: string, what: string): void {
    for (let i = 1; i < entries.length; i++) {
      const [higherPath, higher] = entries[i - 1];
      const [lowerPath, lower] = entries[i];
      if (higher !== undefined && lower !== undefined && higher < lower) {
        this.fail(lowerPath, rule, `${what}: ${lowerPath} (${lower}) is above ${higherPath} (${higher})`);
      }
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
