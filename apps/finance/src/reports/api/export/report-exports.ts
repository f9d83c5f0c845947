import type { CommunityNames, CommunityReport } from '../../domain/money-report.js';
import type { ExportColumn, ExportCell } from './table-export.js';

/** The columns of each report's download (Chinese headers); money columns are fen converted to yuan. */
export const communityColumns: ExportColumn[] = [
  { header: '社区编码', width: 14 },
  { header: '社区名称', width: 22 },
  { header: '基本运转经费（元）', money: true },
  { header: '党建专项经费（元）', money: true },
  { header: '任务专款（元）', money: true },
  { header: '共建及捐赠（元）', money: true },
  { header: '收入合计（元）', money: true },
  { header: '支出合计（元）', money: true },
  { header: '期末余额（元）', money: true },
];

export function communityExportRow(report: CommunityReport): ExportCell[] {
  return [
    report.code,
    report.name,
    report.received.baseOperating,
    report.received.partyBuilding,
    report.received.task,
    report.received.coBuilding,
    report.received.total,
    report.spent.total,
    report.balance.total,
  ];
}

export const taskColumns: ExportColumn[] = [
  { header: '任务名称', width: 30 },
  { header: '社区编码', width: 14 },
  { header: '社区名称', width: 22 },
  { header: '核定经费（元）', money: true },
  { header: '已拨付（元）', money: true },
  { header: '已支出（元）', money: true },
  { header: '结余（元）', money: true },
];

export function taskExportRows(
  report: {
    title: string;
    communities: {
      communityId: string;
      promisedFen: number;
      disbursedFen: number;
      spentFen: number;
      balanceFen: number;
    }[];
  },
  communities: CommunityNames,
): ExportCell[][] {
  return report.communities.map((line) => [
    report.title,
    communities.get(line.communityId)?.code ?? line.communityId,
    communities.get(line.communityId)?.name ?? '',
    line.promisedFen,
    line.disbursedFen,
    line.spentFen,
    line.balanceFen,
  ]);
}

export const departmentColumns: ExportColumn[] = [
  { header: '任务编号', width: 38 },
  { header: '拨付期次', width: 12 },
  { header: '任务名称', width: 30 },
  { header: '状态', width: 14 },
  { header: '拨付金额（元）', money: true },
];

export const transferStatusNames: Record<string, string> = {
  reserving: '预留中',
  'awaiting-decision': '待审批',
  returned: '已退回',
  disbursing: '拨付中',
  disbursed: '已拨付',
  failed: '未拨付',
};

export const residentUnitColumns: ExportColumn[] = [
  { header: '驻区单位', width: 24 },
  { header: '社区编码', width: 14 },
  { header: '社区名称', width: 22 },
  { header: '类别', width: 10 },
  { header: '金额（元）', money: true },
  { header: '入账时间', width: 22 },
  { header: '备注', width: 30 },
];

export const receiptKindNames: Record<string, string> = { 'co-building': '共建支持', donation: '捐赠' };

/** A list already in memory, as the rows of a download. */
export function rowsOf(rows: ExportCell[][]): AsyncIterable<ExportCell[]> {
  return (async function* () {
    // The export reads every table as an async sequence (the whole-scope one page by page); this is the one-page case.
    for (const row of rows) yield await Promise.resolve(row);
  })();
}
