import { DomainError } from '@jianfu/platform';

export class DuplicateUnitCodeError extends DomainError {
  constructor(kind: 'street' | 'community' | 'grid', code: string) {
    super(`${kind}.code-taken`, `Code ${code} is already used by a street, community or grid`, 409, { field: 'code' });
  }
}

export class MissingParentUnitError extends DomainError {
  constructor(kind: 'street', code: string) {
    super(`${kind}.not-found`, `No ${kind} has code ${code}; create it before the units under it`, 422);
  }
}
