import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import { Money } from '../../components/money';
import { MoneyBarChart } from './bar-chart';
import { jsonReport, PageHeading, useYear, YearPicker } from './finance-common';

/**
 * The downloads are links to finance's own export, forwarded by the gateway as they stream: the browser saves the
 * file itself and never builds the rows.
 */
function ExportLinks({ path, query, testId }: { path: string; query: Record<string, string>; testId: string }) {
  const { t } = useTranslation();
  const href = (format: 'xlsx' | 'csv') =>
    `/api/finance${path}?${new URLSearchParams({ ...query, format }).toString()}`;
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download data-testid={`${testId}-xlsx`}>
        {t('money.reports.exportExcel')}
      </Button>
      <Button icon={<DownloadOutlined />} href={href('csv')} download data-testid={`${testId}-csv`}>
        {t('money.reports.exportCsv')}
      </Button>
    </Space>
  );
}

function CommunitiesReport({ year }: { year: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const report = useQuery({
    queryKey: ['finance', 'communities-report', year, page],
    queryFn: () =>
      jsonReport(api.finance.GET('/reports/communities', { params: { query: { year: String(year), ...page } } })),
  });
  const items = report.data?.items ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <ExportLinks path="/reports/communities/export" query={{ year: String(year) }} testId="communities-export" />
      </Space>
      <MoneyBarChart
        testId="communities-chart"
        title={t('money.reports.chartCommunities')}
        emptyText={t('money.reports.chartEmpty')}
        categories={items.map((c) => c.name)}
        series={[
          { name: t('money.funds.base-operating'), fen: items.map((c) => c.received.baseOperating), stack: 'in' },
          { name: t('money.funds.party-building'), fen: items.map((c) => c.received.partyBuilding), stack: 'in' },
          { name: t('money.funds.task'), fen: items.map((c) => c.received.task), stack: 'in' },
          { name: t('money.funds.co-building'), fen: items.map((c) => c.received.coBuilding), stack: 'in' },
        ]}
      />
      <Table
        rowKey="communityId"
        size="small"
        loading={report.isFetching}
        dataSource={items}
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: report.data?.total ?? 0,
          onChange: (current, pageSize) => setPage({ offset: (current - 1) * pageSize, limit: pageSize }),
        }}
        columns={[
          {
            title: t('money.communities.community'),
            key: 'name',
            render: (_, c) => <Link to={`/finance/communities/${c.communityId}`}>{c.name}</Link>,
          },
          {
            title: t('money.communities.received'),
            key: 'in',
            align: 'right',
            render: (_, c) => <Money fen={c.received.total} />,
          },
          {
            title: t('money.communities.spent'),
            key: 'out',
            align: 'right',
            render: (_, c) => <Money fen={c.spent.total} />,
          },
          {
            title: t('money.communities.balance'),
            key: 'bal',
            align: 'right',
            render: (_, c) => <Money fen={c.balance.total} />,
          },
        ]}
      />
    </>
  );
}

function DepartmentReport({ year }: { year: number }) {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState<string>();
  const departments = useQuery({
    queryKey: ['finance', 'departments'],
    queryFn: () => unwrap(api.finance.GET('/departments', { params: { query: { offset: 0, limit: 500 } } })),
  });
  const report = useQuery({
    queryKey: ['finance', 'department-report', departmentId, year],
    enabled: !!departmentId,
    queryFn: () =>
      jsonReport(
        api.finance.GET('/reports/departments/{departmentId}', {
          params: { path: { departmentId: departmentId! }, query: { budgetYear: year } },
        }),
      ),
  });
  const data = report.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('money.budgets.department')}
          placeholder={t('money.budgets.department')}
          style={{ minWidth: 220 }}
          value={departmentId}
          onChange={setDepartmentId}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.departmentId, label: d.name }))}
        />
        {departmentId && (
          <ExportLinks
            path={`/reports/departments/${departmentId}`}
            query={{ budgetYear: String(year) }}
            testId="department-export"
          />
        )}
      </Space>
      {data && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('money.reports.approved')}>
              <Money fen={data.approvedFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.available')}>
              <Money fen={data.availableFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.reserved')}>
              <Money fen={data.reservedFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.paid')}>
              <Money fen={data.paidFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.paidInPeriod')}>
              <Money fen={data.paidInPeriodFen} />
            </Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 12 }}
            rowKey={(task) => `${task.taskId}:${task.period ?? ''}`}
            size="small"
            dataSource={data.tasks}
            pagination={false}
            columns={[
              {
                title: t('money.accounts.task'),
                key: 'title',
                render: (_, task) => <Link to={`/dossiers/tasks/${task.taskId}`}>{task.title}</Link>,
              },
              {
                title: t('money.reports.period'),
                dataIndex: 'period',
                render: (p: string | null) => p ?? t('money.reports.oneOff'),
              },
              {
                title: t('money.reports.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag>{t(`money.statuses.${s}`, { defaultValue: s })}</Tag>,
              },
              {
                title: t('money.reports.total'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
            ]}
          />
        </>
      )}
    </>
  );
}

function TaskReport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const taskId = params.get('task') ?? '';
  const report = useQuery({
    queryKey: ['finance', 'task-report', taskId],
    enabled: /^[0-9a-f-]{36}$/.test(taskId),
    queryFn: () => jsonReport(api.finance.GET('/reports/tasks/{taskId}', { params: { path: { taskId } } })),
  });
  const data = report.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('money.reports.taskId')}
          placeholder={t('money.reports.enterTask')}
          defaultValue={taskId}
          enterButton={t('money.reports.show')}
          style={{ width: 420 }}
          onSearch={(value) => setParams((current) => (current.set('task', value.trim()), current), { replace: true })}
        />
        {data && <ExportLinks path={`/reports/tasks/${taskId}`} query={{}} testId="task-export" />}
      </Space>
      {!data ? (
        <Empty description={t('money.reports.enterTask')} />
      ) : (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('money.accounts.task')}>
              <Link to={`/dossiers/tasks/${data.taskId}`}>{data.title}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.promised')}>
              <Money fen={data.promisedFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.disbursed')}>
              <Money fen={data.disbursedFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.reports.spent')}>
              <Money fen={data.spentFen} />
            </Descriptions.Item>
          </Descriptions>
          <MoneyBarChart
            title={t('money.reports.chartTask')}
            emptyText={t('money.reports.chartEmpty')}
            categories={data.communities.map((c) => c.communityId.slice(0, 8))}
            series={[
              { name: t('money.reports.promised'), fen: data.communities.map((c) => c.promisedFen) },
              { name: t('money.reports.disbursed'), fen: data.communities.map((c) => c.disbursedFen) },
              { name: t('money.reports.spent'), fen: data.communities.map((c) => c.spentFen) },
            ]}
          />
        </>
      )}
    </>
  );
}

function ResidentUnitReport({ year }: { year: number }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const report = useQuery({
    queryKey: ['finance', 'unit-report', unitId, year],
    enabled: /^[0-9a-f-]{36}$/.test(unitId),
    queryFn: () =>
      jsonReport(
        api.finance.GET('/reports/resident-units/{unitId}', {
          params: { path: { unitId }, query: { year: String(year) } },
        }),
      ),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('money.reports.unitId')}
          placeholder={t('money.reports.enterUnit')}
          enterButton={t('money.reports.show')}
          style={{ width: 420 }}
          onSearch={(value) => setUnitId(value.trim())}
        />
        {report.data && (
          <ExportLinks path={`/reports/resident-units/${unitId}`} query={{ year: String(year) }} testId="unit-export" />
        )}
      </Space>
      <Table
        rowKey="transferId"
        size="small"
        loading={report.isFetching}
        dataSource={report.data?.receipts ?? []}
        pagination={false}
        locale={{ emptyText: t('money.reports.enterUnit') }}
        summary={() =>
          report.data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('money.reports.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Money fen={report.data.totalFen} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { title: t('money.accounts.unitName'), dataIndex: 'unitName' },
          {
            title: t('money.reports.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`money.accounts.kinds.${k}`, { defaultValue: k }),
          },
          {
            title: t('money.accounts.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.reports.recordedAt'),
            dataIndex: 'recordedAt',
            render: (at: string) => new Date(at).toLocaleString('zh-CN'),
          },
          { title: t('money.reports.note'), dataIndex: 'note' },
        ]}
      />
    </>
  );
}

/** 经费报表: per community, department, task and resident unit, each with its chart and its Excel/CSV download. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'communities';
  return (
    <>
      <PageHeading
        title={t('money.reports.title')}
        help={t('money.reports.help')}
        extra={<YearPicker year={year} onChange={setYear} />}
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((current) => (current.set('tab', key), current), { replace: true })}
          items={[
            { key: 'communities', label: t('money.reports.byCommunity'), children: <CommunitiesReport year={year} /> },
            { key: 'departments', label: t('money.reports.byDepartment'), children: <DepartmentReport year={year} /> },
            { key: 'tasks', label: t('money.reports.byTask'), children: <TaskReport /> },
            { key: 'units', label: t('money.reports.byUnit'), children: <ResidentUnitReport year={year} /> },
          ]}
        />
      </Card>
    </>
  );
}
