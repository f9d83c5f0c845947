import { DomainError } from '@jianfu/platform';

export class DuplicateUnitCodeError extends DomainError {
  constructor(kind: 'street' | 'community', code: string) {
    super(`${kind}.code-taken`, `A ${kind} with code ${code} already exists`, 409);
  }
}

export class MissingParentUnitError extends DomainError {
  constructor(kind: 'street', code: string) {
    super(`${kind}.not-found`, `No ${kind} has code ${code}; create it before the units under it`, 422);
  }
}
