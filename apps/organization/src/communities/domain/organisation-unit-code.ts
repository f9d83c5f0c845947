import { DomainError } from '@jianfu/platform';
import { HierarchyErrors } from './communities.errors.js';

export class DuplicateUnitCodeError extends DomainError {
  constructor(kind: 'street' | 'community' | 'grid', code: string) {
    const declared = HierarchyErrors[`${kind}.code-taken`];
    super(declared.code, `Code ${code} is already used by a street, community or grid`, declared.status as 409, {
      field: 'code',
    });
  }
}

export class MissingParentUnitError extends DomainError {
  constructor(kind: 'street', code: string) {
    const declared = HierarchyErrors[`${kind}.not-found`];
    super(declared.code, `No ${kind} has code ${code}; create it before the units under it`, declared.status as 422);
  }
}
