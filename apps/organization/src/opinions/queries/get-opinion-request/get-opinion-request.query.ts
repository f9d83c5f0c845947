import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { OpinionRequestView } from './opinion-request.presenter.js';

export class GetOpinionRequestQuery extends Query<OpinionRequestView> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
