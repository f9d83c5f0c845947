import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TrackStanding } from '../../career-eligibility.js';
import type { PromotionRequestEntity } from '../../persistence/promotion-request.entity.js';

export interface CareerPathEntry {
  trackCode: string;
  step: string;
  since: string | null;
  how: string;
  reason: string;
  at: string;
}

export interface CareerView {
  workerId: string;
  name: string;
  path: CareerPathEntry[];
  tracks: TrackStanding[];
  promotions: PromotionRequestEntity[];
}

export class GetCareerQuery extends Query<CareerView> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
