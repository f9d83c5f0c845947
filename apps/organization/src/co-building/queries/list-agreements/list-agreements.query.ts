import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { AgreementView } from '../../persistence/co-building.repository.js';

export class ListAgreementsQuery extends Query<Page<AgreementView>> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
