import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityPartyOrganisation } from '../../../communities/domain/party-organisation-kind.js';
import type { TrackStanding } from '../../career-eligibility.js';
import type { PromotionRequest } from '../../domain/promotion-request.js';

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
  /** The community's party organisation, whose kind names the secretary's post (支部书记, 总支书记, 党委书记). */
  partyOrganisation: CommunityPartyOrganisation;
  /** The secretary post the worker holds, when their post step makes them the community's secretary. */
  secretaryPost: string | null;
  promotions: PromotionRequest[];
}

export class GetCareerQuery extends Query<CareerView> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
