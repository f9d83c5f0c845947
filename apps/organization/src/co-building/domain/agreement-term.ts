import { DomainError } from '@jianfu/platform';
import { CoBuildingErrors } from './co-building.errors.js';

/** An agreement runs from its first day up to, not including, its end day, and commits both sides. */
export function assertAgreementTerms(
  startsOn: string,
  endsOn: string,
  projects: { committedBy: 'community' | 'unit' }[],
): void {
  if (endsOn <= startsOn) {
    throw DomainError.of(
      CoBuildingErrors['agreement.term-invalid'],
      `endsOn (${endsOn}) must come after startsOn (${startsOn})`,
      {
        field: 'endsOn',
      },
    );
  }
  for (const side of ['community', 'unit'] as const) {
    if (!projects.some((project) => project.committedBy === side)) {
      throw DomainError.of(
        CoBuildingErrors['agreement.one-sided'],
        `共驻共建 commits both sides: name at least one project the ${side} provides`,
        { field: 'projects' },
      );
    }
  }
}
