import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Page, type Principal, Roles, toPage } from '@jianfu/platform';
import { toCsv } from '../domain/csv.js';
import type { CommunityReport } from '../domain/money-report.js';
import { reportPeriod } from '../domain/report-period.js';
import { ReportErrors } from '../domain/reports.errors.js';
import { GetCommunitiesReportQuery } from '../queries/get-communities-report/get-communities-report.query.js';
import { GetCommunityReportQuery } from '../queries/get-community-report/get-community-report.query.js';
import { GetDepartmentReportQuery } from '../queries/get-department-report/get-department-report.query.js';
import { GetResidentUnitReportQuery } from '../queries/get-resident-unit-report/get-resident-unit-report.query.js';
import { GetTaskReportQuery } from '../queries/get-task-report/get-task-report.query.js';
import {
  CommunitiesExportQuery,
  CommunitiesReportQuery,
  DepartmentReportQuery,
  ReportFormatQuery,
  ReportPeriodQuery,
} from './dto/report.request.js';
import {
  ApiReportResponse,
  CommunityReportResponse,
  DepartmentReportResponse,
  ResidentUnitReportResponse,
  SingleCommunityReportResponse,
  TaskReportResponse,
  toDepartmentReportResponse,
  toTaskReportResponse,
} from './dto/report.response.js';
import {
  communityColumns,
  communityExportRow,
  departmentColumns,
  receiptKindNames,
  residentUnitColumns,
  rowsOf,
  taskColumns,
  taskExportRows,
  transferStatusNames,
} from './export/report-exports.js';
import { streamTable } from './export/table-export.js';

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
@ApiProblems(ReportErrors)
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('resident-units/:unitId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'What a resident unit gave (共建支持, 捐赠), to which communities, in the period',
    description: 'Only gifts to communities the caller’s scope reaches are shown and counted.',
  })
  @ApiReportResponse(ResidentUnitReportResponse)
  async residentUnit(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: ReportPeriodQuery,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResidentUnitReportResponse | StreamableFile | string> {
    const {
      totalFen,
      receipts,
      communityNames: names,
    } = await this.queries.execute(new GetResidentUnitReportQuery(unitId, reportPeriod(query), actor));
    if (query.format === 'xlsx') {
      return streamTable({
        format: 'xlsx',
        filename: `驻区单位共建捐赠-${receipts[0]?.unitName ?? unitId}`,
        sheetName: '共建捐赠',
        columns: residentUnitColumns,
        totals: true,
        rows: rowsOf(
          receipts.map((r) => [
            r.unitName,
            names.get(r.communityId)?.code ?? r.communityId,
            names.get(r.communityId)?.name ?? '',
            receiptKindNames[r.kind] ?? r.kind,
            r.amountFen,
            r.recordedAt.toISOString(),
            r.note,
          ]),
        ),
      });
    }
    if (query.format !== 'csv') return { unitId, totalFen, receipts };
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

  @Get('communities/export')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({
    summary: 'Every community in the caller’s scope as one download (Excel or CSV), streamed a page at a time',
  })
  @ApiOkResponse({
    description: 'An Excel workbook or a CSV file (UTF-8 with BOM), Chinese headers, money in yuan, a 合计 line',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  exportCommunities(@Query() query: CommunitiesExportQuery, @CurrentPrincipal() actor: Principal): StreamableFile {
    const period = reportPeriod(query);
    const queries = this.queries;
    async function* rows() {
      const limit = 500;
      for (let offset = 0; ; offset += limit) {
        const page = await queries.execute(new GetCommunitiesReportQuery(period, { offset, limit }, actor));
        yield* page.items.map(communityExportRow);
        if (offset + limit >= page.total || page.items.length === 0) return;
      }
    }
    const label = query.year ?? (query.from ? `${query.from}至${query.to}` : String(period.from.getFullYear()));
    return streamTable({
      format: query.format,
      filename: `社区经费报表-${label}`,
      sheetName: '社区经费',
      columns: communityColumns,
      totals: true,
      rows: rows(),
    });
  }

  @Get('communities')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Money per community in the caller’s scope: received by source, spent, balance' })
  @ApiReportResponse(CommunityReportResponse, { page: true })
  async communities(
    @Query() query: CommunitiesReportQuery,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page<CommunityReportResponse> | StreamableFile | string> {
    const report = await this.queries.execute(
      new GetCommunitiesReportQuery(reportPeriod(query), { offset: query.offset, limit: query.limit }, actor),
    );
    if (query.format === 'xlsx') {
      return streamTable({
        format: 'xlsx',
        filename: '社区经费报表',
        sheetName: '社区经费',
        columns: communityColumns,
        totals: true,
        rows: rowsOf(report.items.map(communityExportRow)),
      });
    }
    if (query.format !== 'csv') return toPage(report.items, report.total, query);
    return sendCsv(response, 'community-funds.csv', toCsv(communityHeader, report.items.map(communityRow)));
  }

  @Get('communities/:communityId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Money of one community: received by source, spent and balance per fund' })
  @ApiReportResponse(SingleCommunityReportResponse)
  async community(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() query: ReportPeriodQuery,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SingleCommunityReportResponse | StreamableFile | string> {
    const report = await this.queries.execute(new GetCommunityReportQuery(communityId, reportPeriod(query), actor));
    if (query.format === 'xlsx') {
      return streamTable({
        format: 'xlsx',
        filename: `社区经费-${report.name}`,
        sheetName: '社区经费',
        columns: communityColumns,
        rows: rowsOf([communityExportRow(report)]),
      });
    }
    if (query.format !== 'csv') return report;
    return sendCsv(response, `community-${communityId}.csv`, toCsv(communityHeader, [communityRow(report)]));
  }

  @Get('tasks/:taskId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Money of one task: promised, disbursed and spent, per community' })
  @ApiReportResponse(TaskReportResponse)
  async task(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Query() query: ReportFormatQuery,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskReportResponse | StreamableFile | string> {
    const found = await this.queries.execute(new GetTaskReportQuery(taskId, actor));
    const report = toTaskReportResponse(found);
    if (query.format === 'xlsx') {
      return streamTable({
        format: 'xlsx',
        filename: `任务经费-${report.title}`,
        sheetName: '任务经费',
        columns: taskColumns,
        totals: true,
        rows: rowsOf(taskExportRows(report, found.communityNames)),
      });
    }
    if (query.format !== 'csv') return report;
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
  @ApiReportResponse(DepartmentReportResponse)
  async department(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Query() query: DepartmentReportQuery,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DepartmentReportResponse | StreamableFile | string> {
    const { budgetYear, from, to } = query;
    const period = reportPeriod(from === undefined && to === undefined ? { year: String(budgetYear) } : { from, to });
    const report = toDepartmentReportResponse(
      await this.queries.execute(new GetDepartmentReportQuery(departmentId, budgetYear, period, actor)),
    );
    if (query.format === 'xlsx') {
      return streamTable({
        format: 'xlsx',
        filename: `部门经费-${budgetYear}-${departmentId}`,
        sheetName: `${budgetYear}年度`,
        columns: departmentColumns,
        totals: true,
        rows: rowsOf(
          report.tasks.map((task) => [
            task.taskId,
            task.period ?? '一次性',
            task.title,
            transferStatusNames[task.status] ?? task.status,
            task.totalFen,
          ]),
        ),
      });
    }
    if (query.format !== 'csv') return report;
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
          'status',
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
          task?.status,
          task?.totalFen,
        ]),
      ),
    );
  }
}
