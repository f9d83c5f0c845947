import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { DirectoryCommunityEntry } from '@jianfu/community-directory';
import {
  currentWorkflowRevision,
  type RecruitmentInput,
  recruitmentWorkflowId,
  recruitmentWorkflowType,
} from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { PersonnelConfig } from '../../../config.js';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { OpenPostingCommand, type PostingTerms } from './open-posting.command.js';
import { OpenPostingHandler } from './open-posting.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('OpenPostingHandler', () => {
  let fakes: PersonnelFakes;
  let handler: OpenPostingHandler;
  let east: DirectoryCommunityEntry;
  let west: DirectoryCommunityEntry;
  let terms: PostingTerms;

  beforeEach(() => {
    fakes = personnelFakes();
    east = fakes.directory.add('C01', 'S01', fakes.districtCode);
    west = fakes.directory.add('C02', 'S02', fakes.districtCode);
    terms = {
      title: '2026 年社区工作者招聘',
      writtenPassMark: 60,
      interviewPassMark: 70,
      writtenWeightPercent: 40,
      places: [
        { communityId: east.communityId, places: 2 },
        { communityId: west.communityId, places: 1 },
      ],
    };
    const config = Object.assign(new PersonnelConfig(), { APPROVAL_DEADLINE_WORKING_DAYS: 8 });
    handler = new OpenPostingHandler(fakes.transactions, fakes.communities, fakes.recruitment, fakes.workflows, config);
  });

  it('publishes the posting with its places where each community sits, and its workflow in the same write', async () => {
    const { postingId, workflowId } = await handler.execute(new OpenPostingCommand(terms, hr));

    expect(workflowId).toBe(recruitmentWorkflowId(postingId));
    expect(fakes.recruitment.state.postings.get(postingId)).toMatchObject({
      title: terms.title,
      districtCode: fakes.districtCode,
      stage: 'accepting-applications',
      openedBy: hr.userId,
    });
    expect(fakes.recruitment.state.places.get(postingId)).toEqual([
      { communityId: east.communityId, streetCode: 'S01', places: 2 },
      { communityId: west.communityId, streetCode: 'S02', places: 1 },
    ]);
    expect(fakes.workflows.only(recruitmentWorkflowType).args).toEqual([
      {
        postingId,
        title: terms.title,
        districtCode: fakes.districtCode,
        openedBy: hr.userId,
        deadlineWorkingDays: 8,
        correlationId: expect.any(String),
        workflowRevision: currentWorkflowRevision,
      } satisfies Record<keyof RecruitmentInput, unknown>,
    ]);
    expect(fakes.workflows.started).toEqual([workflowId]);
  });

  it('is run by the district: a street or community user is refused', async () => {
    for (const actor of [
      principal([Roles.HrOfficer], { streetCodes: ['S01'] }),
      principal([Roles.CommunitySecretary], { communityIds: [east.communityId] }),
    ]) {
      await expect(handler.execute(new OpenPostingCommand(terms, actor))).rejects.toMatchObject({
        code: 'access.out-of-scope',
        status: 403,
      });
    }
  });

  it('refuses a community named twice in the places', async () => {
    const places = [...terms.places, { communityId: east.communityId, places: 1 }];
    await expect(handler.execute(new OpenPostingCommand({ ...terms, places }, hr))).rejects.toMatchObject({
      code: 'recruitment.place-duplicated',
      status: 400,
    });
  });

  it('leaves no posting and no workflow start behind when a place names an unknown community', async () => {
    const places = [...terms.places, { communityId: randomUUID(), places: 1 }];
    await expect(handler.execute(new OpenPostingCommand({ ...terms, places }, hr))).rejects.toMatchObject({
      code: 'community.not-found',
      status: 404,
    });
    expect(fakes.recruitment.state.postings.size).toBe(0);
    expect(fakes.workflows.requested).toEqual([]);
  });
});
