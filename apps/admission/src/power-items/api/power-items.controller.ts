import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  type FieldProblem,
  NotFoundError,
  type Principal,
  RequestValidationError,
  Roles,
  type Transaction,
  TransactionRunner,
} from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '../../departments/department-directory.js';
import type { ProposalSubject } from '../../version-proposals/domain/version-proposal.js';
import { VersionProposalErrors } from '../../version-proposals/domain/version-proposal.errors.js';
import {
  DecideVersionProposalRequest,
  VersionProposalDecisionResponse,
  toVersionProposalResponse,
} from '../../version-proposals/api/dto/version-proposal.dto.js';
import { VersionProposals } from '../../version-proposals/version-proposals.js';
import type { PowerItem } from '../domain/power-item.js';
import { PowerItemErrors } from '../domain/power-item.errors.js';
import { PowerItemsRepository } from '../persistence/power-items.repository.js';
import {
  PowerItemProposalResponse,
  PowerItemVersionItemsResponse,
  PublishPowerItemsRequest,
  toPowerItemProposalResponse,
} from './dto/power-items.dto.js';

@ApiTags('power items')
@ApiBearerAuth()
@Controller('departments/:departmentId/power-items')
export class PowerItemsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly powerItems: PowerItemsRepository,
    private readonly departments: DepartmentDirectoryRepository,
    private readonly proposals: VersionProposals,
  ) {}

  private subject(actor: Principal, departmentId: string): ProposalSubject {
    return { districtCode: actor.scope.districtCode, register: 'power-items', departmentId };
  }

  @Post('proposals')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Propose the next version of a department’s power-item register (权力清单): every item kept, cancelled or ' +
      'devolved, with the decision document; published when a second reviewer approves it',
  })
  @ApiCreatedResponse({ type: PowerItemProposalResponse })
  @ApiProblems(PowerItemErrors['department.not-found'], VersionProposalErrors['version-proposal.pending'])
  propose(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Body() body: PublishPowerItemsRequest,
  ): Promise<PowerItemProposalResponse> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.code)) {
        problems.push({ field: `items[${index}].code`, rule: 'unique', message: `code ${item.code} appears twice` });
      }
      seen.add(item.code);
      if (item.status !== 'kept' && !item.decisionDocument?.trim()) {
        problems.push({
          field: `items[${index}].decisionDocument`,
          rule: 'decision-required',
          message: `a ${item.status} item names the decision document that ${item.status} it`,
        });
      }
    });
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run(async (tx) => {
      await this.knownDepartment(tx, actor, departmentId);
      const items: PowerItem[] = body.items.map((item) => ({
        code: item.code,
        name: item.name.trim(),
        status: item.status,
        decisionDocument: item.decisionDocument?.trim() || null,
      }));
      return toPowerItemProposalResponse(
        await this.proposals.propose(tx, this.subject(actor, departmentId), { items, note: body.note ?? null }, actor),
      );
    });
  }

  @Get('proposals/:proposalId')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'One proposed register version with its items, for the second reviewer to check' })
  @ApiOkResponse({ type: PowerItemProposalResponse })
  @ApiProblems(VersionProposalErrors['version-proposal.not-found'])
  async proposal(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
  ): Promise<PowerItemProposalResponse> {
    return toPowerItemProposalResponse(
      await this.proposals.find<PowerItem>(this.transactions.reader, this.subject(actor, departmentId), proposalId),
    );
  }

  @Post('proposals/:proposalId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Approve (publish as the next version) or reject a proposed register version: a second reviewer, never the ' +
      'proposer',
  })
  @ApiOkResponse({ type: VersionProposalDecisionResponse })
  @ApiProblems(
    VersionProposalErrors['version-proposal.not-found'],
    VersionProposalErrors['version-proposal.self-approval'],
    VersionProposalErrors['version-proposal.already-decided'],
  )
  async decide(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: DecideVersionProposalRequest,
  ): Promise<VersionProposalDecisionResponse> {
    const decided = await this.transactions.run((tx) =>
      this.proposals.decide<PowerItem>(
        tx,
        this.subject(actor, departmentId),
        proposalId,
        body,
        actor,
        async (inner, approved) => {
          const version = await this.powerItems.publish(
            inner,
            {
              districtCode: actor.scope.districtCode,
              departmentId,
              note: approved.note,
              publishedBy: approved.proposedBy,
              approvedBy: approved.approvedBy,
            },
            approved.items,
          );
          return version.version;
        },
      ),
    );
    return { duplicate: decided.duplicate, proposal: toVersionProposalResponse(decided.proposal) };
  }

  private async knownDepartment(tx: Transaction, actor: Principal, departmentId: string): Promise<void> {
    const department = await this.departments.find(tx, departmentId);
    if (!department || department.districtCode !== actor.scope.districtCode) {
      throw new NotFoundError('department', departmentId);
    }
  }

  @Get('versions/:version')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'One version of a department’s power-item register (`current` for the newest)' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: PowerItemVersionItemsResponse })
  @ApiProblems(PowerItemErrors['power-item-version.not-found'])
  async version(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('version') versionParam: string,
  ): Promise<PowerItemVersionItemsResponse> {
    const tx = this.transactions.reader;
    const version =
      versionParam === 'current'
        ? await this.powerItems.currentVersion(tx, departmentId)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : null;
    const found =
      version === null ? null : await this.powerItems.find(tx, actor.scope.districtCode, departmentId, version);
    if (!found) throw new NotFoundError('power-item-version', versionParam);
    return found;
  }
}
