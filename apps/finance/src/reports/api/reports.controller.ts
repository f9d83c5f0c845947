import {
  applyDecorators,
  Controller,
  DefaultValuePipe,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  type Principal,
  reachesCommunity,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { CoBuildingReceiptsRepository } from '../../community-funds/persistence/co-building-receipts.repository.js';
import { toCsv } from '../domain/csv.js';
import { reportPeriod } from '../domain/report-period.js';
import {
  type CommunityReport,
  GetCommunitiesReportQuery,
  GetCommunityReportQuery,
  GetDepartmentReportQuery,
  GetTaskReportQuery,
} from '../queries/money-reports.queries.js';

type Format = 'json' | 'csv';

/** The period and format query parameters every money report takes. */
const PeriodAndFormat = (withYear = true) =>
  applyDecorators(
    ...(withYear
      ? [
          ApiQuery({
            name: 'year',
            required: false,
            example: 2026,
            description: 'A calendar year (China time); default: this year',
          }),
        ]
      : []),
    ApiQuery({ name: 'from', required: false, example: '2026-01-01', description: 'First day of a range, with to' }),
    ApiQuery({ name: 'to', required: false, example: '2026-06-30', description: 'Last day of a range, inclusive' }),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] }),
  );

function format(value: string | undefined): Format {
  if (value === undefined || value === 'json') return 'json';
  if (value === 'csv') return 'csv';
  throw new DomainError('report.format', 'format must be json or csv', 400, { field: 'format' });
}

const communityHeader = [
  'community_id',
  'code',
  'name',
  'from',
  'to',
  'received_base_operating_fen',
  'received_party_building_fen',
  'received_task_fen',
  'received_co_building_fen',
  'received_total_fen',
  'spent_total_fen',
  'balance_total_fen',
];

function communityRow(report: CommunityReport): (string | number)[] {
  return [
    report.communityId,
    report.code,
    report.name,
    report.period.from,
    report.period.to,
    report.received.baseOperating,
    report.received.partyBuilding,
    report.received.task,
    report.received.coBuilding,
    report.received.total,
    report.spent.total,
    report.balance.total,
  ];
}

function sendCsv(response: Response, filename: string, csv: string): string {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${filename}"`);
  return csv;
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly transactions: TransactionRunner,
    private readonly receipts: CoBuildingReceiptsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  @Get('resident-units/:unitId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'What a resident unit gave (共建支持, 捐赠), to which communities, in the period',
    description: 'Only gifts to communities the caller’s scope reaches are shown and counted.',
  })
  @PeriodAndFormat()
  async residentUnit(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') wanted?: string,
  ) {
    const output = format(wanted);
    const reader = this.transactions.reader;
    const given = await this.receipts.ofUnit(reader, unitId, reportPeriod({ year, from, to }));
    const reached = new Set(
      (
        await this.directory.findByIds(reader, [...new Set(given.map((receipt) => receipt.communityId))], {
          includeMerged: true,
        })
      )
        .filter((community) => reachesCommunity(actor, community))
        .map((community) => community.communityId),
    );
    const receipts = given.filter((receipt) => reached.has(receipt.communityId));
    const totalFen = receipts.reduce((sum, receipt) => sum + receipt.amountFen, 0);
    if (output === 'json') return { unitId, totalFen, receipts };
    return sendCsv(
      response,
      `resident-unit-${unitId}.csv`,
      toCsv(
        ['unit_id', 'unit_name', 'community_id', 'kind', 'amount_fen', 'recorded_at', 'note'],
        receipts.map((r) => [
          r.unitId,
          r.unitName,
          r.communityId,
          r.kind,
          r.amountFen,
          r.recordedAt.toISOString(),
          r.note,
        ]),
      ),
    );
  }

  @Get('communities')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Money per community in the caller’s scope: received by source, spent, balance' })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @PeriodAndFormat()
  async communities(
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') wanted?: string,
  ): Promise<{ items: CommunityReport[]; total: number } | string> {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 1000', 400);
    }
    const output = format(wanted);
    const report = await this.queries.execute(
      new GetCommunitiesReportQuery(reportPeriod({ year, from, to }), { offset, limit }, actor),
    );
    if (output === 'json') return report;
    return sendCsv(response, 'community-funds.csv', toCsv(communityHeader, report.items.map(communityRow)));
  }

  @Get('communities/:communityId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Money of one community: received by source, spent and balance per fund' })
  @ApiOkResponse({
    schema: {
      example: {
        communityId: 'c2a1…',
        received: { baseOperating: 4500000, partyBuilding: 0, task: 60000, coBuilding: 2000000, total: 6560000 },
        spent: { baseOperating: 0, partyBuilding: 0, task: 12000, coBuilding: 0, total: 12000 },
        balance: { baseOperating: 4500000, partyBuilding: 0, task: 48000, coBuilding: 2000000, total: 6548000 },
      },
    },
  })
  @PeriodAndFormat()
  async community(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') wanted?: string,
  ): Promise<CommunityReport | string> {
    const output = format(wanted);
    const report = await this.queries.execute(
      new GetCommunityReportQuery(communityId, reportPeriod({ year, from, to }), actor),
    );
    if (output === 'json') return report;
    return sendCsv(response, `community-${communityId}.csv`, toCsv(communityHeader, [communityRow(report)]));
  }

  @Get('tasks/:taskId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Money of one task: promised, disbursed and spent, per community' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  async task(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
    @Query('format') wanted?: string,
  ) {
    const output = format(wanted);
    const report = await this.queries.execute(new GetTaskReportQuery(taskId, actor));
    if (output === 'json') return report;
    return sendCsv(
      response,
      `task-${taskId}.csv`,
      toCsv(
        ['task_id', 'community_id', 'promised_fen', 'disbursed_fen', 'spent_fen', 'balance_fen'],
        report.communities.map((c) => [taskId, c.communityId, c.promisedFen, c.disbursedFen, c.spentFen, c.balanceFen]),
      ),
    );
  }

  @Get('departments/:departmentId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'Money of one department’s budget year: approved, available, reserved, paid from it (whenever paid), ' +
      'paid within the period, and its tasks',
  })
  @ApiQuery({ name: 'budgetYear', required: true, example: 2026 })
  @PeriodAndFormat(false)
  async department(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Query('budgetYear', ParseIntPipe) budgetYear: number,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') wanted?: string,
  ) {
    if (budgetYear < 2000 || budgetYear > 2100) {
      throw new DomainError('report.period', 'budgetYear must be between 2000 and 2100', 400, { field: 'budgetYear' });
    }
    const output = format(wanted);
    const period = reportPeriod(from === undefined && to === undefined ? { year: String(budgetYear) } : { from, to });
    const report = await this.queries.execute(new GetDepartmentReportQuery(departmentId, budgetYear, period, actor));
    if (output === 'json') return report;
    return sendCsv(
      response,
      `department-${departmentId}-${budgetYear}.csv`,
      toCsv(
        [
          'department_id',
          'budget_year',
          'approved_fen',
          'available_fen',
          'reserved_fen',
          'paid_fen',
          'paid_in_period_fen',
          'task_id',
          'period',
          'title',
          'state',
          'task_total_fen',
        ],
        (report.tasks.length ? report.tasks : [undefined]).map((task) => [
          departmentId,
          budgetYear,
          report.approvedFen,
          report.availableFen,
          report.reservedFen,
          report.paidFen,
          report.paidInPeriodFen,
          task?.taskId,
          task?.period,
          task?.title,
          task?.state,
          task?.totalFen,
        ]),
      ),
    );
  }
}
