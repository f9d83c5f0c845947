import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ReportsRepository } from '../../persistence/reports.repository.js';

/** Items admitted against the current catalogue, and admissions outside it. */
export class GetCatalogueAdmissionsQuery extends Query<
  Awaited<ReturnType<ReportsRepository['admissionsAgainstCatalogue']>>
> {
  constructor(readonly actor: Principal) {
    super();
  }
}
