import { defineEvent } from './event-definition.js';
import { objectSchema, text, uuid } from './schema-fragments.js';

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
  description: "A community's party organisation moved up a kind (支部 → 总支 → 党委) after approval.",
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
  description: 'A functional department (区直部门) of the district was registered; it may submit tasks and hold a budget.',
  schema: objectSchema({ departmentId: uuid, code: text(32), name: text(100), districtCode: text(32) }),
});

export const organizationEvents = [CommunityCreated, PartyOrganisationUpgraded, DepartmentCreated] as const;
