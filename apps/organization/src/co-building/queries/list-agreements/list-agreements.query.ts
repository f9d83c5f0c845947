import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { AgreementView } from '../../persistence/co-building.repository.js';

export class ListAgreementsQuery extends Query<{ items: AgreementView[] }> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
  ) {
    super();
  }
}
