import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from './reports.repository.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  @Get('catalogue-admissions')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Items admitted against the current catalogue, and admissions outside it' })
  @ApiOkResponse({
    schema: {
      example: {
        catalogueVersion: 2,
        items: [{ code: 'MZ-01', name: '最低生活保障对象入户调查', category: '民政事务', admittedTasks: 1 }],
        itemsWithAdmissions: 1,
        admittedOutsideCatalogue: 0,
      },
    },
  })
  catalogueAdmissions(@CurrentPrincipal() actor: Principal) {
    return this.reports.admissionsAgainstCatalogue(this.transactions.reader, actor.scope.districtCode);
  }

  @Get('community-burden')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Burden per community: tasks, ledgers, funds that followed, violations against it' })
  @ApiOkResponse({
    schema: {
      example: [
        {
          communityId: '2b0f…',
          code: 'C-1',
          name: '三坊七巷社区',
          tasks: 3,
          tasksDone: 1,
          ledgers: 4,
          fundedFen: 900000,
          violations: 1,
        },
      ],
    },
  })
  communityBurden(@CurrentPrincipal() actor: Principal) {
    return this.reports.burdenPerCommunity(
      this.transactions.reader,
      actor.scope.districtCode,
      actor.scope.communityIds,
    );
  }

  @Get('department-violations')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Violations (违规摊派) per department' })
  @ApiOkResponse({
    schema: {
      example: [
        {
          departmentId: '7c1d…',
          departmentName: '区民政局',
          violations: 2,
          refusedAtGate: 1,
          reportedByCommunities: 1,
        },
      ],
    },
  })
  departmentViolations(@CurrentPrincipal() actor: Principal) {
    return this.reports.violationsPerDepartment(this.transactions.reader, actor.scope.districtCode);
  }

  @Get('decision-time')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Median days from first submission to decision, overall and per outcome' })
  @ApiOkResponse({
    schema: {
      example: { decided: 12, medianDays: 6.5, byOutcome: [{ outcome: 'admitted', decided: 8, medianDays: 7 }] },
    },
  })
  decisionTime(@CurrentPrincipal() actor: Principal) {
    return this.reports.medianDaysToDecision(this.transactions.reader, actor.scope.districtCode);
  }
}
