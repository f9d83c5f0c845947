import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/access.decorators.js';
import { type Principal, Roles } from '../auth/principal.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ApiPageResponse, type Page, toPage } from '../http/openapi/api-page-response.decorator.js';
import { ApiProblems } from '../http/openapi/api-problems.decorator.js';
import { PageQuery } from '../http/paging.js';
import { PolicyBook, chinaDateOf } from './policy-book.js';
import { PolicyErrors } from './policy.errors.js';
import {
  PolicyAtQuery,
  PolicyDecisionRequestBody,
  PolicyDiffQuery,
  PolicyKindParams,
  PolicyVersionParams,
  ProposePolicyVersionRequest,
} from './policy.request.js';
import {
  PolicyDecisionResponse,
  PolicyDiffResponse,
  PolicyKindResponse,
  PolicyVersionResponse,
  toPolicyVersionResponse,
} from './policy.response.js';

const E = PolicyErrors;

/** The roles that may author some service's policy; each kind narrows it to its own authors. */
const authors = [
  Roles.OrganizationAdmin,
  Roles.HrOfficer,
  Roles.FinanceOfficer,
  Roles.AdmissionCommittee,
  Roles.DistrictLeader,
] as const;

/**
 * `GET|POST /policies/…`: the caller's district's policies of the kinds this service owns. Reads answer what
 * is in force (today or at a date), every version and the difference of two; writes propose a version and
 * let a second author publish or reject it (docs/decisions/0010-district-policies.md).
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PolicyController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly policies: PolicyBook,
  ) {}

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The policy kinds this service owns, each with the version in force today' })
  @ApiPageResponse(PolicyKindResponse)
  async kinds(@Query() query: PageQuery, @CurrentPrincipal() actor: Principal): Promise<Page<PolicyKindResponse>> {
    const today = chinaDateOf(new Date());
    const kinds = this.policies.kinds.slice(query.offset, query.offset + query.limit);
    const items = await this.transactions.run(async (tx) => {
      const answers: PolicyKindResponse[] = [];
      for (const kind of kinds) {
        const current = await this.policies.effective(tx, actor.scope.districtCode, kind.kind, today);
        answers.push({
          kind: kind.kind,
          title: kind.title,
          version: current.version,
          effectiveFrom: current.effectiveFrom,
        });
      }
      return answers;
    });
    return toPage(items, this.policies.kinds.length, query);
  }

  @Get(':kind')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: "The version in force in the caller's district today, or on the date `at`" })
  @ApiOkResponse({ type: PolicyVersionResponse })
  @ApiProblems(E['policy.kind-not-found'], E['policy.version-not-found'])
  async effective(
    @Param() params: PolicyKindParams,
    @Query() query: PolicyAtQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PolicyVersionResponse> {
    const at = query.at ?? chinaDateOf(new Date());
    return toPolicyVersionResponse(
      await this.transactions.run((tx) => this.policies.effective(tx, actor.scope.districtCode, params.kind, at)),
    );
  }

  @Get(':kind/versions')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({
    summary: 'Every version of the kind in the district, newest first, with who proposed and decided it',
  })
  @ApiPageResponse(PolicyVersionResponse)
  @ApiProblems(E['policy.kind-not-found'])
  async versions(
    @Param() params: PolicyKindParams,
    @Query() query: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<Page<PolicyVersionResponse>> {
    const page = await this.transactions.run((tx) =>
      this.policies.list(tx, actor.scope.districtCode, params.kind, query),
    );
    return toPage(page.items.map(toPolicyVersionResponse), page.total, query);
  }

  @Get(':kind/versions/:version')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'One version of the kind' })
  @ApiOkResponse({ type: PolicyVersionResponse })
  @ApiProblems(E['policy.kind-not-found'], E['policy.version-not-found'])
  async version(
    @Param() params: PolicyVersionParams,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PolicyVersionResponse> {
    return toPolicyVersionResponse(
      await this.transactions.run((tx) =>
        this.policies.version(tx, actor.scope.districtCode, params.kind, params.version),
      ),
    );
  }

  @Get(':kind/diff')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'What changed between two versions, field by field' })
  @ApiOkResponse({ type: PolicyDiffResponse })
  @ApiProblems(E['policy.kind-not-found'], E['policy.version-not-found'])
  async diff(
    @Param() params: PolicyKindParams,
    @Query() query: PolicyDiffQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PolicyDiffResponse> {
    const diff = await this.transactions.run((tx) =>
      this.policies.diff(tx, actor.scope.districtCode, params.kind, query.from, query.to),
    );
    return { kind: params.kind, from: diff.from.version, to: diff.to.version, changes: diff.changes };
  }

  @Post(':kind/versions')
  @HttpCode(201)
  @AllowRoles(...authors)
  @ApiOperation({
    summary: 'Propose the next version; it is in force from its date once a second author publishes it',
  })
  @ApiCreatedResponse({ type: PolicyVersionResponse })
  @ApiProblems(
    E['policy.kind-not-found'],
    E['policy.invalid'],
    E['policy.effective-date-past'],
    E['policy.proposal-pending'],
    E['policy.not-an-author'],
  )
  async propose(
    @Param() params: PolicyKindParams,
    @Body() body: ProposePolicyVersionRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PolicyVersionResponse> {
    const today = chinaDateOf(new Date());
    return toPolicyVersionResponse(
      await this.transactions.run((tx) =>
        this.policies.propose(tx, actor.scope.districtCode, params.kind, body, actor, today),
      ),
    );
  }

  @Post(':kind/versions/:version/actions')
  @HttpCode(200)
  @AllowRoles(...authors)
  @ApiOperation({ summary: 'Publish (approve) or reject a proposed version: a second author, never the proposer' })
  @ApiOkResponse({ type: PolicyDecisionResponse })
  @ApiProblems(
    E['policy.kind-not-found'],
    E['policy.version-not-found'],
    E['policy.invalid'],
    E['policy.effective-date-past'],
    E['policy.already-decided'],
    E['policy.self-approval'],
    E['policy.not-an-author'],
  )
  async decide(
    @Param() params: PolicyVersionParams,
    @Body() body: PolicyDecisionRequestBody,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PolicyDecisionResponse> {
    const today = chinaDateOf(new Date());
    const decided = await this.transactions.run((tx) =>
      this.policies.decide(tx, actor.scope.districtCode, params.kind, params.version, body, actor, today),
    );
    return { duplicate: decided.duplicate, version: toPolicyVersionResponse(decided.version) };
  }
}
