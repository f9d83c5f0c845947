import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  type PartyOrganisationUpgradeApprovalInput,
  partyOrganisationUpgradeApprovalWorkflowType,
  partyOrganisationUpgradeWorkflowId,
} from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { FixedPolicyBook, principal } from '@jianfu/testing/unit';
import { OrganizationConfig } from '../../../config.js';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { partyOrganisationPolicyKind, type PartyOrganisationPolicy } from '../../domain/party-organisation-policy.js';
import { RequestUpgradeCommand } from './request-upgrade.command.js';
import { RequestUpgradeHandler } from './request-upgrade.handler.js';

const thresholds: PartyOrganisationPolicy = {
  branchMinMembers: 3,
  generalBranchMinMembers: 50,
  committeeMinMembers: 100,
};

describe('RequestUpgradeHandler', () => {
  let fakes: OrganizationFakes;
  let handler: RequestUpgradeHandler;
  let communityId: string;
  let secretary: ReturnType<typeof principal>;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    communityId = fakes.units.addCommunity('C01', 'S01', '东门社区');
    fakes.partyOrganisations.seed(communityId, 'branch', 60);
    secretary = principal([Roles.CommunitySecretary], { communityIds: [communityId] }, 'secretary-c01');
    const config = Object.assign(new OrganizationConfig(), { UPGRADE_DECISION_WORKING_DAYS: 7 });
    const policies = new FixedPolicyBook().set(partyOrganisationPolicyKind, thresholds, 3);
    handler = new RequestUpgradeHandler(
      fakes.transactions,
      fakes.units,
      fakes.partyOrganisations,
      fakes.workflows,
      config,
      policies,
    );
  });

  it('opens the request and requests its approval, naming the policy version whose thresholds justified it', async () => {
    const { requestId, workflowId } = await handler.execute(
      new RequestUpgradeCommand(communityId, 'general-branch', secretary),
    );

    expect(workflowId).toBe(partyOrganisationUpgradeWorkflowId(requestId));
    expect(fakes.partyOrganisations.state.requests.get(requestId)).toMatchObject({
      communityId,
      fromKind: 'branch',
      toKind: 'general-branch',
      memberCount: 60,
      status: 'awaiting-decision',
      requestedBy: 'secretary-c01',
    });
    const start = fakes.workflows.only(partyOrganisationUpgradeApprovalWorkflowType);
    expect(start.workflowId).toBe(workflowId);
    expect(start.args[0]).toMatchObject({
      requestId,
      communityId,
      communityName: '东门社区',
      districtCode: fakes.districtCode,
      fromKind: 'branch',
      toKind: 'general-branch',
      memberCount: 60,
      decisionWorkingDays: 7,
      policyVersion: 3,
    } satisfies Partial<PartyOrganisationUpgradeApprovalInput>);
    expect(fakes.workflows.started).toEqual([workflowId]);
  });

  it('refuses a membership below the target kind’s threshold, and a kind not above the current one', async () => {
    await expect(handler.execute(new RequestUpgradeCommand(communityId, 'committee', secretary))).rejects.toMatchObject(
      {
        code: 'party-organisation.membership-too-small',
        message: expect.stringContaining('at least 100 members'),
      },
    );
    await expect(handler.execute(new RequestUpgradeCommand(communityId, 'branch', secretary))).rejects.toMatchObject({
      code: 'party-organisation.not-an-upgrade',
    });
    expect(fakes.partyOrganisations.state.requests.size).toBe(0);
    expect(fakes.workflows.requested).toEqual([]);
  });

  it('allows one request awaiting decision per community', async () => {
    await handler.execute(new RequestUpgradeCommand(communityId, 'general-branch', secretary));
    await expect(
      handler.execute(new RequestUpgradeCommand(communityId, 'general-branch', secretary)),
    ).rejects.toMatchObject({ code: 'party-organisation.upgrade-pending', status: 409 });
    expect(fakes.workflows.requested).toHaveLength(1);
  });

  it('answers a community outside the actor’s scope as missing', async () => {
    const otherCommunity = fakes.units.addCommunity('C02', 'S01');
    fakes.partyOrganisations.seed(otherCommunity, 'branch', 80);
    fakes.units.addStreet('S99', otherDistrictCode);
    const farCommunity = fakes.units.addCommunity('C99', 'S99');
    fakes.partyOrganisations.seed(farCommunity, 'branch', 80);

    await expect(
      handler.execute(new RequestUpgradeCommand(otherCommunity, 'general-branch', secretary)),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
    await expect(
      handler.execute(new RequestUpgradeCommand(farCommunity, 'general-branch', principal([Roles.OrganizationAdmin]))),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
  });

  it('refuses a merged community, and one with no party organisation on record', async () => {
    fakes.units.communityByCode('C01')!.status = 'merged';
    await expect(
      handler.execute(new RequestUpgradeCommand(communityId, 'general-branch', secretary)),
    ).rejects.toMatchObject({ code: 'hierarchy.unit-merged' });

    const bare = fakes.units.addCommunity('C03', 'S01');
    await expect(
      handler.execute(new RequestUpgradeCommand(bare, 'general-branch', principal([Roles.OrganizationAdmin]))),
    ).rejects.toMatchObject({ code: 'party-organisation.not-found', status: 404 });
  });
});
