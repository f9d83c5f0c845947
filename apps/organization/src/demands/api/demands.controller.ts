import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  type Principal,
  RequestValidationError,
  Roles,
  toPage,
} from '@jianfu/platform';
import { GetCommunityDemandsQuery } from '../queries/get-community-demands/get-community-demands.query.js';
import { GetStreetDemandsQuery } from '../queries/get-street-demands/get-street-demands.query.js';
import {
  CommunityDemandsParams,
  CommunityMonthDemandsResponse,
  StreetMonthDemandsResponse,
} from './dto/community-demands.dto.js';

const readers = [
  Roles.OrganizationAdmin,
  Roles.DistrictLeader,
  Roles.AdmissionReviewer,
  Roles.CommunitySecretary,
  Roles.HrOfficer,
  Roles.DepartmentSubmitter,
] as const;

/** The months asked for, this calendar year by default; a range that ends before it starts names `to`. */
function monthRange(query: CommunityDemandsParams): { from: string; to: string } {
  const year = currentYear();
  const from = query.from ?? `${year}-01`;
  const to = query.to ?? `${year}-12`;
  if (to < from) {
    throw new RequestValidationError([
      { field: 'to', rule: 'notBeforeFrom', message: `to (${to}) is before from (${from})` },
    ]);
  }
  return { from, to };
}

/** The calendar year now on Beijing time, the default of the report. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

@ApiTags('减负')
@ApiBearerAuth()
@Controller()
export class DemandsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('reports/community-demands')
  @AllowRoles(...readers)
  @ApiOperation({
    summary:
      'Demands on each community per month (减负, seed 002): tasks, meetings (and hours), ledgers, seal uses and ' +
      'plaques, admitted and refused, from admission’s events; only months with a demand; scoped like the burden',
  })
  @ApiPageResponse(CommunityMonthDemandsResponse)
  async demands(
    @CurrentPrincipal() actor: Principal,
    @Query() query: CommunityDemandsParams,
  ): Promise<Page<CommunityMonthDemandsResponse>> {
    const rows = await this.queries.execute(
      new GetCommunityDemandsQuery(actor, {
        ...monthRange(query),
        ...(query.streetCode ? { streetCode: query.streetCode } : {}),
        ...(query.communityId ? { communityId: query.communityId } : {}),
      }),
    );
    return toPage(rows.slice(query.offset, query.offset + query.limit), rows.length, query);
  }

  @Get('reports/community-demands/streets')
  @AllowRoles(...readers)
  @ApiOperation({
    summary: 'The street roll-up of the demands on communities: each street’s communities summed per month',
  })
  @ApiPageResponse(StreetMonthDemandsResponse)
  async streetDemands(
    @CurrentPrincipal() actor: Principal,
    @Query() query: CommunityDemandsParams,
  ): Promise<Page<StreetMonthDemandsResponse>> {
    const rows = await this.queries.execute(
      new GetStreetDemandsQuery(actor, {
        ...monthRange(query),
        ...(query.streetCode ? { streetCode: query.streetCode } : {}),
      }),
    );
    return toPage(rows.slice(query.offset, query.offset + query.limit), rows.length, query);
  }
}
