import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  currentWorkflowRevision,
  type OpinionRequestInput,
  opinionRequestWorkflowId,
  opinionRequestWorkflowType,
} from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, RequestContext, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { HierarchyErrors } from '../../../communities/domain/communities.errors.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { DepartmentsRepository } from '../../../departments/persistence/departments.repository.js';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { OpinionsRepository } from '../../persistence/opinions.repository.js';
import { RequestOpinionsCommand } from './request-opinions.command.js';

/**
 * Opens an opinion request (征求意见 / 进社区双公示) to the communities named, then starts its publicity window on
 * the approval kit. A person's own department is taken from their linked-member record when not given.
 */
@CommandHandler(RequestOpinionsCommand)
export class RequestOpinionsHandler implements ICommandHandler<RequestOpinionsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly opinions: OpinionsRepository,
    private readonly workflows: WorkflowStarts,
  ) {}

  async execute(command: RequestOpinionsCommand): Promise<{ requestId: string; workflowId: string }> {
    const { draft, actor } = command;
    const requestId = randomUUID();
    const workflowId = opinionRequestWorkflowId(requestId);
    await this.transactions.run(async (tx) => {
      for (const communityId of draft.communityIds) {
        const community = await this.units.findCommunity(tx, communityId);
        if (!community || community.districtCode !== actor.scope.districtCode) {
          throw new NotFoundError('community', communityId);
        }
        if (community.status !== 'active') {
          throw DomainError.of(
            HierarchyErrors['hierarchy.unit-merged'],
            `${community.name} was merged into another community`,
          );
        }
      }
      let departmentId = draft.departmentId ?? null;
      if (!departmentId && draft.subjectKind === 'person') {
        const [linked] = await this.opinions.linkedMembers(tx, { personId: draft.subjectId });
        departmentId = linked?.departmentId ?? null;
      }
      if (!departmentId && draft.subjectKind === 'department') departmentId = draft.subjectId;
      if (departmentId) {
        const department = await this.departments.find(tx, departmentId).catch(() => null);
        if (!department || department.districtCode !== actor.scope.districtCode) {
          throw DomainError.of(OpinionErrors['department.not-found'], `department ${departmentId} does not exist`);
        }
      }
      await this.opinions.insertRequest(tx, {
        id: requestId,
        districtCode: actor.scope.districtCode,
        subjectKind: draft.subjectKind,
        subjectId: draft.subjectId,
        subjectName: draft.subjectName,
        departmentId,
        purpose: draft.purpose,
        publicityText: draft.publicityText,
        windowWorkingDays: draft.windowWorkingDays,
        requestedBy: actor.userId,
        requestedAt: new Date().toISOString(),
        communityIds: draft.communityIds,
      });
      const input: OpinionRequestInput = {
        workflowRevision: currentWorkflowRevision,
        requestId,
        districtCode: actor.scope.districtCode,
        subjectKind: draft.subjectKind,
        subjectId: draft.subjectId,
        subjectName: draft.subjectName,
        purpose: draft.purpose,
        communityIds: [...draft.communityIds].sort(),
        windowWorkingDays: draft.windowWorkingDays,
        requestedBy: actor.userId,
        correlationId: RequestContext.current()?.correlationId ?? requestId,
      };
      // The request and its publicity window's start are one write: no request waits on a window nobody runs.
      await this.workflows.request(tx, { workflowType: opinionRequestWorkflowType, workflowId, args: [input] });
    });
    await this.workflows.startRequested(workflowId);
    return { requestId, workflowId };
  }
}
