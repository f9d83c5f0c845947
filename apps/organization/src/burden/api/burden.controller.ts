import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { CommunityBurdenReportQuery } from '../queries/community-burden-report/community-burden-report.query.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The calendar year now on Beijing time, the default of the report. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

function year(value: string | undefined): number {
  if (value === undefined) return currentYear();
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
    throw new DomainError('burden.year-invalid', `year must be a year between 2000 and 2100, e.g. 2026`, 400, {
      field: 'year',
    });
  }
  return Number(value);
}

@ApiTags('减负')
@ApiBearerAuth()
@Controller()
export class BurdenController {
  constructor(private readonly queries: QueryBus) {}

  @Get('reports/community-burden')
  @AllowRoles(
    Roles.OrganizationAdmin,
    Roles.DistrictLeader,
    Roles.AdmissionReviewer,
    Roles.CommunitySecretary,
    Roles.HrOfficer,
    Roles.DepartmentSubmitter,
  )
  @ApiQuery({
    name: 'year',
    required: false,
    example: '2026',
    description: 'Beijing-time year; the current one by default',
  })
  @ApiQuery({ name: 'streetCode', required: false })
  @ApiQuery({ name: 'communityId', required: false })
  @ApiOperation({
    summary:
      'Burden on communities (减负): tasks dispatched to each community in the year, per department; ' +
      'scoped to the caller’s communities, a department’s staff see only their department',
  })
  @ApiOkResponse({
    schema: {
      example: {
        year: 2026,
        from: '2026-01-01T00:00:00+08:00',
        to: '2027-01-01T00:00:00+08:00',
        totals: { communities: 2, tasks: 3, assignments: 4 },
        departments: [
          { departmentId: '5c1d…', code: 'MZJ', name: '区民政局', tasks: 2, communities: 2, assignments: 3 },
        ],
        communities: [
          {
            communityId: '8e2f…',
            code: 'GL-01',
            name: '三坊七巷社区',
            streetCode: 'GL-S1',
            status: 'active',
            tasks: 2,
            departments: [{ departmentId: '5c1d…', code: 'MZJ', name: '区民政局', tasks: 2 }],
          },
        ],
      },
    },
  })
  report(
    @CurrentPrincipal() actor: Principal,
    @Query('year') yearValue?: string,
    @Query('streetCode') streetCode?: string,
    @Query('communityId') communityId?: string,
  ) {
    if (communityId !== undefined && !uuidPattern.test(communityId)) {
      throw new DomainError('request.query', 'communityId must be a uuid', 400, { field: 'communityId' });
    }
    return this.queries.execute(
      new CommunityBurdenReportQuery(actor, {
        year: year(yearValue),
        ...(streetCode ? { streetCode } : {}),
        ...(communityId ? { communityId } : {}),
      }),
    );
  }
}
