import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PowerItem } from '../../domain/power-item.js';
import type { PowerItemVersion } from '../../persistence/power-items.repository.js';

/** One version of a department's 权力清单 in the caller's district; `current` names the newest. */
export class GetPowerItemsVersionQuery extends Query<
  PowerItemVersion & { items: PowerItem[]; cancelledCount: number }
> {
  constructor(
    readonly actor: Principal,
    readonly departmentId: string,
    readonly version: string,
  ) {
    super();
  }
}
