import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointMeetingView } from '../../persistence/co-building.repository.js';

export interface CommunityCoBuilding {
  meetings: JointMeetingView[];
  allianceMembers: { residentUnitId: string; name: string; joinedOn: string }[];
}

export class ListJointMeetingsQuery extends Query<CommunityCoBuilding> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
