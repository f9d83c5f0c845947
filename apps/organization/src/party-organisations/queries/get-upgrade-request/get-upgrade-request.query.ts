import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UpgradeRequest } from '../../domain/party-organisation.js';

export class GetUpgradeRequestQuery extends Query<UpgradeRequest> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
