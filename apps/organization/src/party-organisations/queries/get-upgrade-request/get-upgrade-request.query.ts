import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UpgradeRequestEntity } from '../../persistence/upgrade-request.entity.js';

export class GetUpgradeRequestQuery extends Query<UpgradeRequestEntity> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
