import { defineEvent } from './event-definition.js';
import { dateTime, isoDate, objectSchema, text, uuid } from './schema-fragments.js';

export interface CommunityCreatedPayload {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  districtCode: string;
}

export const CommunityCreated = defineEvent<CommunityCreatedPayload>({
  type: 'organization.community.created',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description: 'A community (社区) was added under a street; other services add it to their directories.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['communityId', 'code', 'name', 'streetCode', 'districtCode'],
    properties: {
      communityId: { type: 'string', format: 'uuid' },
      code: { type: 'string', minLength: 1, maxLength: 32 },
      name: { type: 'string', minLength: 1, maxLength: 100 },
      streetCode: { type: 'string', minLength: 1, maxLength: 32 },
      districtCode: { type: 'string', minLength: 1, maxLength: 32 },
    },
  },
});

export type PartyOrganisationKind = 'branch' | 'general-branch' | 'committee';

export interface PartyOrganisationUpgradedPayload {
  communityId: string;
  requestId: string;
  fromKind: PartyOrganisationKind;
  toKind: PartyOrganisationKind;
  memberCount: number;
  approvedBy: string;
}

const partyOrganisationKind = { type: 'string', enum: ['branch', 'general-branch', 'committee'] };

export const PartyOrganisationUpgraded = defineEvent<PartyOrganisationUpgradedPayload>({
  type: 'organization.party-organisation.upgraded',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description:
    "A community's party organisation moved up a kind (支部 → 总支 → 党委) after approval; personnel records the kind, " +
    "so the community's secretary post shows as 总支书记 or 党委书记.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['communityId', 'requestId', 'fromKind', 'toKind', 'memberCount', 'approvedBy'],
    properties: {
      communityId: { type: 'string', format: 'uuid' },
      requestId: { type: 'string', format: 'uuid' },
      fromKind: partyOrganisationKind,
      toKind: partyOrganisationKind,
      memberCount: { type: 'integer', minimum: 0 },
      approvedBy: { type: 'string', minLength: 1 },
    },
  },
});

export interface DepartmentCreatedPayload {
  departmentId: string;
  code: string;
  name: string;
  districtCode: string;
}

export const DepartmentCreated = defineEvent<DepartmentCreatedPayload>({
  type: 'organization.department.created',
  version: 1,
  source: 'organization',
  aggregateType: 'department',
  description:
    'A functional department (区直部门) of the district was registered; it may submit tasks and hold a budget.',
  schema: objectSchema({ departmentId: uuid, code: text(32), name: text(100), districtCode: text(32) }),
});

const unitCode = text(32);

/** A department user's id: the `sub` of their tokens, as the identity service issues them. */
const departmentUserId = { type: 'string', pattern: '^[0-9A-Za-z._@-]{1,100}$' } as const;

export interface DepartmentUserAssignedPayload {
  departmentId: string;
  districtCode: string;
  userId: string;
  name: string;
  role: string;
  assignedAt: string;
}

export const DepartmentUserAssigned = defineEvent<DepartmentUserAssignedPayload>({
  type: 'organization.department.user-assigned',
  version: 1,
  source: 'organization',
  aggregateType: 'department-user',
  description:
    'A user was put on a department’s staff, or their name or role there changed (keyed by user id). The identity ' +
    'service takes the department into the user’s tokens (org_scope.departmentId): one source for who works where.',
  schema: objectSchema({
    departmentId: uuid,
    districtCode: unitCode,
    userId: departmentUserId,
    name: text(100),
    role: text(64),
    assignedAt: dateTime,
  }),
});

export interface DepartmentUserRemovedPayload {
  departmentId: string;
  districtCode: string;
  userId: string;
  removedAt: string;
}

export const DepartmentUserRemoved = defineEvent<DepartmentUserRemovedPayload>({
  type: 'organization.department.user-removed',
  version: 1,
  source: 'organization',
  aggregateType: 'department-user',
  description:
    'A user was taken off a department’s staff (keyed by user id); their tokens no longer name that department.',
  schema: objectSchema({ departmentId: uuid, districtCode: unitCode, userId: departmentUserId, removedAt: dateTime }),
});

/** A community's place after a change: consumers upsert it whole, so a missed earlier event does not matter. */
export interface CommunityPlacement {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  districtCode: string;
}

const placement = { communityId: uuid, code: unitCode, name: text(100), streetCode: unitCode, districtCode: unitCode };

export interface CommunityRenamedPayload extends CommunityPlacement {
  previousName: string;
}

export const CommunityRenamed = defineEvent<CommunityRenamedPayload>({
  type: 'organization.community.renamed',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description: 'A community (社区) took a new name; the payload carries its whole current placement.',
  schema: objectSchema({ ...placement, previousName: text(100) }),
});

export interface CommunityMovedPayload extends CommunityPlacement {
  previousStreetCode: string;
}

export const CommunityMoved = defineEvent<CommunityMovedPayload>({
  type: 'organization.community.moved',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description:
    'A community was moved under another street (布局调整); the payload carries its whole current placement.',
  schema: objectSchema({ ...placement, previousStreetCode: unitCode }),
});

export interface CommunityMergedPayload {
  communityId: string;
  code: string;
  intoCommunityId: string;
  intoCode: string;
  districtCode: string;
}

export const CommunityMerged = defineEvent<CommunityMergedPayload>({
  type: 'organization.community.merged',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description:
    'A community was merged into another and no longer exists on its own; its grids and party members went to the surviving community.',
  schema: objectSchema({
    communityId: uuid,
    code: unitCode,
    intoCommunityId: uuid,
    intoCode: unitCode,
    districtCode: unitCode,
  }),
});

export interface SecretaryChangedPayload {
  communityId: string;
  workerId: string;
  name: string;
  previousWorkerId?: string;
  appointedAt: string;
}

export const SecretaryChanged = defineEvent<SecretaryChangedPayload>({
  type: 'organization.party-organisation.secretary-changed',
  version: 1,
  source: 'organization',
  aggregateType: 'community',
  description:
    "The secretary (书记) recorded on a community's party organisation changed, after personnel appointed one.",
  schema: objectSchema(
    { communityId: uuid, workerId: uuid, name: text(100), previousWorkerId: uuid, appointedAt: dateTime },
    ['previousWorkerId'],
  ),
});

export interface AgreementSignedPayload {
  agreementId: string;
  code: string;
  communityId: string;
  residentUnitId: string;
  residentUnitName: string;
  startsOn: string;
  endsOn: string;
  projectCount: number;
}

export const AgreementSigned = defineEvent<AgreementSignedPayload>({
  type: 'organization.agreement.signed',
  version: 1,
  source: 'organization',
  aggregateType: 'agreement',
  description:
    'A community and a resident unit (驻区单位) signed a co-building agreement (共驻共建协议) with service projects on both sides.',
  schema: objectSchema({
    agreementId: uuid,
    code: unitCode,
    communityId: uuid,
    residentUnitId: uuid,
    residentUnitName: text(200),
    startsOn: isoDate,
    endsOn: isoDate,
    projectCount: { type: 'integer', minimum: 0 },
  }),
});

export type OpinionSubjectKind = 'person' | 'department' | 'unit';

/** What an opinion request (征求意见) is for: the decisions seed 002 names. */
export type OpinionPurpose =
  | 'democratic-appraisal'
  | 'promotion'
  | 'award'
  | 'deputy-recommendation'
  | 'unit-head-appointment'
  | 'annual-assessment';

export const opinionPurposes: readonly OpinionPurpose[] = [
  'democratic-appraisal',
  'promotion',
  'award',
  'deputy-recommendation',
  'unit-head-appointment',
  'annual-assessment',
];

export interface OpinionRequestClosedPayload {
  requestId: string;
  districtCode: string;
  subjectKind: OpinionSubjectKind;
  subjectId: string;
  subjectName: string;
  purpose: OpinionPurpose;
  communityIds: string[];
  /** The standing answer of each community asked, after corrections; `no-opinion` where none came in time. */
  tally: { agree: number; disagree: number; noObjection: number; noOpinion: number };
  residentObjections: number;
  closedBy: string;
  closedAt: string;
}

const count = { type: 'integer', minimum: 0 };

export const OpinionRequestClosed = defineEvent<OpinionRequestClosedPayload>({
  type: 'organization.opinion-request.closed',
  version: 1,
  source: 'organization',
  aggregateType: 'opinion-request',
  description:
    'An opinion request (征求意见 / 进社区双公示) was closed by its requester after its publicity window: the communities ' +
    "asked, their standing answers and the residents' objections. Personnel gates promotions to leadership posts on it.",
  schema: objectSchema({
    requestId: uuid,
    districtCode: text(32),
    subjectKind: { type: 'string', enum: ['person', 'department', 'unit'] },
    subjectId: text(100),
    subjectName: text(100),
    purpose: { type: 'string', enum: [...opinionPurposes] },
    communityIds: { type: 'array', minItems: 1, items: uuid },
    tally: objectSchema({ agree: count, disagree: count, noObjection: count, noOpinion: count }),
    residentObjections: count,
    closedBy: text(100),
    closedAt: dateTime,
  }),
});

export const organizationEvents = [
  CommunityCreated,
  PartyOrganisationUpgraded,
  DepartmentCreated,
  DepartmentUserAssigned,
  DepartmentUserRemoved,
  CommunityRenamed,
  CommunityMoved,
  CommunityMerged,
  SecretaryChanged,
  AgreementSigned,
  OpinionRequestClosed,
] as const;
