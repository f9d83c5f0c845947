import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApprovalActionSender } from '@jianfu/approvals';
import { opinionRequestWorkflowId } from '@jianfu/contracts/workflows';
import { type Principal, Roles, type WorkflowStarts } from '@jianfu/platform';
import { principal, RecordingTemporalClient } from '@jianfu/testing/unit';
import { InMemoryOpinionsRepository } from '../../../testing/in-memory-opinions.repository.js';
import { organizationFakes, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { AnswerOpinionRequestCommand } from './answer-opinion-request.command.js';
import { AnswerOpinionRequestHandler } from './answer-opinion-request.handler.js';

/** Every opinion request here was started with its request: a call to its workflow is made as it is. */
const startedWithTheirRequests: Pick<WorkflowStarts, 'callStarting'> = {
  callStarting: (_workflowId, call) => call(),
};

describe('AnswerOpinionRequestHandler', () => {
  let fakes: OrganizationFakes;
  let opinions: InMemoryOpinionsRepository;
  let temporal: RecordingTemporalClient;
  let handler: AnswerOpinionRequestHandler;
  let requestId: string;
  let east: string;
  let west: string;
  let eastSecretary: Principal;

  beforeEach(async () => {
    fakes = organizationFakes();
    opinions = new InMemoryOpinionsRepository();
    fakes.transactions.enlist(opinions);
    temporal = new RecordingTemporalClient();
    fakes.units.addStreet('S01', fakes.districtCode);
    east = fakes.units.addCommunity('C01', 'S01');
    west = fakes.units.addCommunity('C02', 'S01');
    eastSecretary = principal([Roles.CommunitySecretary], { communityIds: [east] }, 'secretary-east');
    requestId = randomUUID();
    await opinions.insertRequest(fakes.transactions.reader, {
      id: requestId,
      districtCode: fakes.districtCode,
      subjectKind: 'person',
      subjectId: 'person-1',
      subjectName: '王五',
      departmentId: null,
      purpose: 'promotion',
      publicityText: '公示',
      windowWorkingDays: 5,
      requestedBy: 'organisation-department',
      requestedAt: new Date().toISOString(),
      communityIds: [east],
    });
    handler = new AnswerOpinionRequestHandler(
      new ApprovalActionSender(temporal.asClient(), startedWithTheirRequests as WorkflowStarts),
      fakes.transactions,
      new OpinionRequestAccess(opinions, fakes.units),
      fakes.units,
      opinions,
    );
  });

  it('records the answer and settles the community’s slot of the publicity step', async () => {
    const recorded = await handler.execute(
      new AnswerOpinionRequestCommand(requestId, east, 'disagree', '  群众反映较差  ', eastSecretary),
    );

    expect(recorded).toMatchObject({ communityId: east, answer: 'disagree', reason: '群众反映较差', supersedes: null });
    expect(temporal.updates).toEqual([
      {
        workflowId: opinionRequestWorkflowId(requestId),
        update: expect.any(String),
        args: [expect.objectContaining({ kind: 'answer', slotId: east, comment: 'disagree: 群众反映较差' })],
      },
    ]);
  });

  it('keeps a correction beside the answer it supersedes', async () => {
    const first = await handler.execute(
      new AnswerOpinionRequestCommand(requestId, east, 'agree', undefined, eastSecretary),
    );
    const second = await handler.execute(
      new AnswerOpinionRequestCommand(requestId, east, 'no-objection', undefined, eastSecretary),
    );

    expect(second.supersedes).toBe(first.id);
    expect((await opinions.answers(fakes.transactions.reader, requestId)).map((answer) => answer.answer)).toEqual([
      'agree',
      'no-objection',
    ]);
    expect((await opinions.standingAnswers(fakes.transactions.reader, requestId)).map((answer) => answer.id)).toEqual([
      second.id,
    ]);
  });

  it('needs a reason to disagree', async () => {
    await expect(
      handler.execute(new AnswerOpinionRequestCommand(requestId, east, 'disagree', '   ', eastSecretary)),
    ).rejects.toMatchObject({ code: 'opinion-request.reason-required', status: 422 });
    expect(temporal.updates).toEqual([]);
  });

  it('records nothing when the publicity step has closed meanwhile', async () => {
    temporal.failNext(RecordingTemporalClient.workflowNotFound(opinionRequestWorkflowId(requestId)));
    await expect(
      handler.execute(new AnswerOpinionRequestCommand(requestId, east, 'agree', undefined, eastSecretary)),
    ).rejects.toMatchObject({ code: 'opinion-request.window-closed', status: 409 });
    expect(opinions.state.answers).toEqual([]);
  });

  it('refuses a community not asked, a closed window, and a secretary of a community not asked', async () => {
    const westSecretary = principal([Roles.CommunitySecretary], { communityIds: [west] });
    await expect(
      handler.execute(
        new AnswerOpinionRequestCommand(requestId, west, 'agree', undefined, principal([Roles.OrganizationAdmin])),
      ),
    ).rejects.toMatchObject({ code: 'opinion-request.community-not-asked' });
    await expect(
      handler.execute(new AnswerOpinionRequestCommand(requestId, east, 'agree', undefined, westSecretary)),
    ).rejects.toMatchObject({ code: 'opinion-request.not-found', status: 404 });

    await opinions.setStatus(fakes.transactions.reader, requestId, 'window-closed');
    await expect(
      handler.execute(new AnswerOpinionRequestCommand(requestId, east, 'agree', undefined, eastSecretary)),
    ).rejects.toMatchObject({ code: 'opinion-request.window-closed' });
    expect(temporal.updates).toEqual([]);
  });
});
