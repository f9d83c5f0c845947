import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import { ApiProblem, isProblem, toProblem } from '../../api/problem';
import { yuan } from '../../components/money';
import { Chart } from './chart';

const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
const funds = ['baseOperating', 'partyBuilding', 'task', 'coBuilding'] as const;
const partyKinds = ['branch', 'general-branch', 'committee'] as const;

/** A panel's figures, or why they are missing: the other panels stay on the page when one service is down. */
function Panel({
  title,
  extra,
  query,
  service,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  query: UseQueryResult<unknown>;
  service: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}
      extra={extra}
      loading={query.isPending}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {query.isError ? (
        <Alert
          type="warning"
          showIcon
          message={
            toProblem(query.error).status === 503
              ? t('dashboard.unavailable', { service: t(`services.${service}`) })
              : (toProblem(query.error).detail ?? t('common.requestFailed'))
          }
        />
      ) : (
        children
      )}
    </Card>
  );
}

function Figure({
  title,
  value,
  testId,
  suffix,
}: {
  title: string;
  value: ReactNode;
  testId: string;
  suffix?: string;
}) {
  return (
    <Statistic
      title={title}
      valueRender={() => <span data-testid={testId}>{value}</span>}
      {...(suffix ? { suffix } : {})}
    />
  );
}

function ScopeNote({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
}

/**
 * 区领导's view of the reforms: the burden on communities against the catalogue's cap, what was admitted and
 * refused, the money that followed the tasks, violations, staffing, party organisations and facilities. Every
 * figure is read from the service that computes it; the page only draws.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  // The filters live in the address, so a leader can share or bookmark the view.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const streetCode = params.get('street') ?? '';
  const setFilter = (name: 'year' | 'street', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const street = streetCode || undefined;

  const streets = useQuery({
    queryKey: ['dashboard', 'streets'],
    queryFn: () => unwrap(api.organization.GET('/streets', { params: { query: { limit: 500 } } })),
  });
  const communities = useQuery({
    queryKey: ['dashboard', 'communities'],
    queryFn: () => unwrap(api.organization.GET('/communities', { params: { query: { limit: 500 } } })),
  });
  const burden = useQuery({
    queryKey: ['dashboard', 'burden-index', year, street],
    queryFn: () =>
      unwrap(api.admission.GET('/reports/burden-index', { params: { query: { year, streetCode: street } } })),
  });
  const decisions = useQuery({
    queryKey: ['dashboard', 'decision-outcomes', year],
    queryFn: () => unwrap(api.admission.GET('/reports/decision-outcomes', { params: { query: { year } } })),
  });
  const violations = useQuery({
    queryKey: ['dashboard', 'department-violations'],
    queryFn: () => unwrap(api.admission.GET('/reports/department-violations', { params: { query: { limit: 500 } } })),
  });
  const communityMoney = useQuery({
    queryKey: ['dashboard', 'community-money', year],
    queryFn: async () => {
      const page = await unwrap(
        api.finance.GET('/reports/communities', { params: { query: { year: String(year), limit: 500 } } }),
      );
      // JSON was asked for; the CSV variant of the same route is a string.
      return typeof page === 'string' ? { items: [] } : page;
    },
  });
  const departments = useQuery({
    queryKey: ['dashboard', 'departments'],
    queryFn: () => unwrap(api.organization.GET('/departments', { params: { query: { limit: 500 } } })),
  });
  const departmentMoney = useQuery({
    queryKey: ['dashboard', 'department-money', year, departments.data?.items.map((d) => d.id)],
    enabled: !!departments.data,
    queryFn: async () => {
      const rows = await Promise.all(
        (departments.data?.items ?? []).map(async (department) => {
          const { data, error, response } = await api.finance.GET('/reports/departments/{departmentId}', {
            params: { path: { departmentId: department.id }, query: { budgetYear: year } },
          });
          // A department without a budget for the year has paid nothing from it.
          if (response.status === 404) return null;
          if (typeof data === 'string') return null;
          if (!data) throw new ApiProblem(error && isProblem(error) ? error : { status: response.status });
          return { name: department.name, paidFen: data.paidInPeriodFen };
        }),
      );
      return rows.filter((row) => row !== null);
    },
  });
  const staffing = useQuery({
    queryKey: ['dashboard', 'staffing'],
    queryFn: () => unwrap(api.personnel.GET('/statistics/staffing', { params: { query: {} } })),
  });
  const party = useQuery({
    queryKey: ['dashboard', 'party-organisations', street],
    queryFn: () =>
      unwrap(api.organization.GET('/reports/party-organisations', { params: { query: { streetCode: street } } })),
  });
  const facilities = useQuery({
    queryKey: ['dashboard', 'facilities', street],
    queryFn: () => unwrap(api.organization.GET('/reports/facilities', { params: { query: { streetCode: street } } })),
  });

  const noData = t('dashboard.noData');
  const burdenRows = burden.data?.communities ?? [];
  const streetOf = new Map((communities.data?.items ?? []).map((c) => [c.id, c.streetCode]));
  const moneyRows = (communityMoney.data?.items ?? []).filter(
    (row) => !street || streetOf.get(row.communityId) === street,
  );
  const fundTotals = funds.map((fund) => moneyRows.reduce((sum, row) => sum + row.received[fund], 0));
  const taskMoneyRows = moneyRows.filter((row) => row.received.task > 0);
  const departmentRows = (departmentMoney.data ?? []).filter((row) => row.paidFen > 0);
  const violationRows = violations.data?.items ?? [];
  const reasons = decisions.data?.refusedByReason ?? [];
  const postSteps = staffing.data?.tracks.find((track) => track.trackCode === 'post')?.steps ?? [];
  const titleSteps = staffing.data?.tracks.find((track) => track.trackCode === 'professional')?.steps ?? [];
  const careerSecretaries = postSteps.find((step) => step.step === 'career-secretary')?.workers ?? 0;
  const reasonLabel = (reason: string) => t(`dashboard.decisions.reasons.${reason}`, { defaultValue: reason });
  const barOption = (names: string[], values: number[], name: string, formatter?: (value: number) => string) => ({
    tooltip: { trigger: 'axis', ...(formatter ? { valueFormatter: formatter } : {}) },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    // Counts tick in whole numbers; money (with a formatter) as it comes.
    yAxis: { type: 'value', ...(formatter ? { axisLabel: { formatter } } : { minInterval: 1 }) },
    series: [{ type: 'bar', name, data: values, barMaxWidth: 32 }],
  });
  // Slices of nothing are left out, and labels stay in the legend and tooltip: small pies stay legible.
  const pieOption = (data: { name: string; value: number }[]) => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '45%'],
        data: data.filter((slice) => slice.value > 0),
        label: { show: false },
      },
    ],
  });
  const wanYuan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <h1 style={{ fontSize: 18, margin: 0 }}>{t('dashboard.title')}</h1>
          <Space wrap>
            <label htmlFor="dashboard-year">{t('dashboard.year')}</label>
            <Select
              id="dashboard-year"
              data-testid="dashboard-year"
              value={year}
              onChange={(value) => setFilter('year', String(value))}
              style={{ width: 100 }}
              options={years.map((value) => ({ value, label: String(value) }))}
            />
            <label htmlFor="dashboard-street">{t('dashboard.street')}</label>
            <Select
              id="dashboard-street"
              data-testid="dashboard-street"
              value={streetCode}
              onChange={(value) => setFilter('street', value)}
              style={{ width: 180 }}
              options={[
                { value: '', label: t('dashboard.allStreets') },
                ...(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name })),
              ]}
            />
          </Space>
        </Space>
      </Card>

      <Panel title={t('dashboard.burden.title')} query={burden} service="admission" testId="panel-burden">
        {burden.data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('dashboard.burden.help')}</Typography.Text>
            {burden.data.catalogueVersion === null ? (
              <Alert type="info" message={t('dashboard.burden.noCatalogue')} />
            ) : (
              <Typography.Text data-testid="burden-allowed">
                {t('dashboard.burden.allowed', {
                  ...burden.data.allowed,
                  version: burden.data.catalogueVersion,
                })}
              </Typography.Text>
            )}
            <Chart
              label={t('dashboard.burden.title')}
              empty={burdenRows.every((row) => row.tasks === 0)}
              emptyText={burdenRows.length === 0 ? noData : t('dashboard.burden.nothingInForce')}
              option={{
                ...barOption(
                  burdenRows.map((row) => row.name),
                  burdenRows.map((row) => row.index ?? 0),
                  t('dashboard.burden.index'),
                  (value: number) => `${value}%`,
                ),
              }}
            />
            {burdenRows.length > 0 && (
              <Table
                size="small"
                rowKey="communityId"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={burdenRows}
                onRow={(row) => ({ 'data-testid': `burden-row-${row.code}` }) as HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('dashboard.burden.community'), dataIndex: 'name' },
                  { title: t('dashboard.burden.tasks'), dataIndex: 'tasks', align: 'right' },
                  ...(['items', 'ledgers', 'evaluations'] as const).map((measure) => ({
                    title: t(`dashboard.burden.${measure}`),
                    key: measure,
                    align: 'right' as const,
                    render: (_: unknown, row: (typeof burdenRows)[number]) => (
                      <span data-testid={`burden-${measure}`}>
                        {row[measure].inForce} / {row[measure].allowed}
                      </span>
                    ),
                  })),
                  {
                    title: t('dashboard.burden.index'),
                    key: 'index',
                    align: 'right' as const,
                    render: (_: unknown, row: (typeof burdenRows)[number]) => (
                      <Tag color={(row.index ?? 0) > 100 ? 'red' : (row.index ?? 0) >= 80 ? 'orange' : 'green'}>
                        <span data-testid="burden-index">{row.index === null ? '—' : `${row.index}%`}</span>
                      </Tag>
                    ),
                  },
                ]}
              />
            )}
          </Space>
        )}
      </Panel>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Panel
            title={t('dashboard.decisions.title')}
            query={decisions}
            service="admission"
            testId="panel-decisions"
            extra={<ScopeNote text={t('dashboard.scopeDistrict')} />}
          >
            {decisions.data && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Row gutter={16}>
                  <Col span={6}>
                    <Figure
                      title={t('dashboard.decisions.admitted')}
                      value={decisions.data.admitted}
                      testId="decisions-admitted"
                    />
                  </Col>
                  <Col span={6}>
                    <Figure
                      title={t('dashboard.decisions.refused')}
                      value={decisions.data.refused}
                      testId="decisions-refused"
                    />
                  </Col>
                  <Col span={12}>
                    <Figure
                      title={t('dashboard.decisions.median')}
                      testId="decisions-median"
                      value={
                        decisions.data.medianWorkingDays === null
                          ? t('dashboard.decisions.noMedian')
                          : t('dashboard.decisions.workingDays', { days: decisions.data.medianWorkingDays })
                      }
                    />
                  </Col>
                </Row>
                <Typography.Text strong>{t('dashboard.decisions.byReason')}</Typography.Text>
                <Chart
                  label={t('dashboard.decisions.byReason')}
                  empty={reasons.length === 0}
                  emptyText={noData}
                  option={pieOption(reasons.map((row) => ({ name: reasonLabel(row.reason), value: row.count })))}
                />
                {reasons.map((row) => (
                  <div key={`${row.source}:${row.reason}`} data-testid={`refused-${row.reason}`}>
                    <Tag>{t(`dashboard.decisions.sources.${row.source}`)}</Tag>
                    {reasonLabel(row.reason)}：<span data-testid="refused-count">{row.count}</span>
                  </div>
                ))}
              </Space>
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel
            title={t('dashboard.violations.title')}
            query={violations}
            service="admission"
            testId="panel-violations"
            extra={<ScopeNote text={t('dashboard.scopeAllTime')} />}
          >
            <Chart
              label={t('dashboard.violations.title')}
              empty={violationRows.length === 0}
              emptyText={noData}
              option={barOption(
                violationRows.map((row) => row.departmentName ?? row.departmentId.slice(0, 8)),
                violationRows.map((row) => row.violations),
                t('dashboard.violations.count'),
              )}
            />
            {violationRows.map((row) => (
              <div key={row.departmentId} data-testid={`violations-${row.departmentName ?? row.departmentId}`}>
                {row.departmentName ?? row.departmentId}：<span data-testid="violations-count">{row.violations}</span>
                <Typography.Text type="secondary">
                  {' '}
                  （{t('dashboard.violations.refusedAtGate')} {row.refusedAtGate} · {t('dashboard.violations.reported')}{' '}
                  {row.reportedByCommunities}）
                </Typography.Text>
              </div>
            ))}
          </Panel>
        </Col>
      </Row>

      <Panel title={t('dashboard.money.title')} query={communityMoney} service="finance" testId="panel-money">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Typography.Text strong>{t('dashboard.money.perFund')}</Typography.Text>
            <Chart
              label={t('dashboard.money.perFund')}
              empty={fundTotals.every((total) => total === 0)}
              emptyText={noData}
              option={pieOption(
                funds.map((fund, i) => ({ name: t(`dashboard.money.funds.${fund}`), value: fundTotals[i] / 100 })),
              )}
            />
            {funds.map((fund, i) => (
              <div key={fund}>
                {t(`dashboard.money.funds.${fund}`)}：
                <span data-testid={`money-fund-${fund}`}>{yuan(fundTotals[i])}</span>
              </div>
            ))}
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Text strong>{t('dashboard.money.perCommunity')}</Typography.Text>
            <Chart
              label={t('dashboard.money.perCommunity')}
              empty={taskMoneyRows.length === 0}
              emptyText={noData}
              option={barOption(
                taskMoneyRows.map((row) => row.name),
                taskMoneyRows.map((row) => row.received.task),
                t('dashboard.money.funds.task'),
                wanYuan,
              )}
            />
            {taskMoneyRows.map((row) => (
              <div key={row.communityId}>
                {row.name}：<span data-testid={`money-community-${row.code}`}>{yuan(row.received.task)}</span>
              </div>
            ))}
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Text strong>{t('dashboard.money.perDepartment')}</Typography.Text>{' '}
            <ScopeNote text={t('dashboard.scopeDistrict')} />
            {departmentMoney.isError ? (
              <Alert type="warning" message={toProblem(departmentMoney.error).detail ?? t('common.requestFailed')} />
            ) : (
              <>
                <Chart
                  label={t('dashboard.money.perDepartment')}
                  empty={departmentRows.length === 0}
                  emptyText={noData}
                  option={barOption(
                    departmentRows.map((row) => row.name),
                    departmentRows.map((row) => row.paidFen),
                    t('dashboard.money.perDepartment'),
                    wanYuan,
                  )}
                />
                {departmentRows.map((row) => (
                  <div key={row.name}>
                    {row.name}：<span data-testid={`money-department-${row.name}`}>{yuan(row.paidFen)}</span>
                  </div>
                ))}
              </>
            )}
          </Col>
        </Row>
      </Panel>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Panel
            title={t('dashboard.staffing.title')}
            query={staffing}
            service="personnel"
            testId="panel-staffing"
            extra={<ScopeNote text={t('dashboard.scopeDistrict')} />}
          >
            {staffing.data && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Row gutter={16}>
                  <Col span={12}>
                    <Figure
                      title={t('dashboard.staffing.workers')}
                      value={staffing.data.workers}
                      testId="staffing-workers"
                    />
                  </Col>
                  <Col span={12}>
                    <Figure
                      title={t('dashboard.staffing.college')}
                      value={`${staffing.data.collegeDegree.percent}%`}
                      testId="staffing-college"
                    />
                  </Col>
                  <Col span={12}>
                    <Figure
                      title={t('dashboard.staffing.careerSecretaries')}
                      value={careerSecretaries}
                      testId="staffing-career-secretaries"
                    />
                  </Col>
                  <Col span={12}>
                    <Figure
                      title={t('dashboard.staffing.partyMembers')}
                      value={staffing.data.partyMembers}
                      testId="staffing-party-members"
                    />
                  </Col>
                </Row>
                <Typography.Text strong>{t('dashboard.staffing.titles')}</Typography.Text>
                <Chart
                  label={t('dashboard.staffing.titles')}
                  empty={titleSteps.every((step) => step.workers === 0)}
                  emptyText={noData}
                  height={200}
                  option={barOption(
                    titleSteps.map((step) => step.name),
                    titleSteps.map((step) => step.workers),
                    t('dashboard.staffing.titles'),
                  )}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dashboard.staffing.graduatesMissing')}
                </Typography.Text>
              </Space>
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={8}>
          <Panel title={t('dashboard.party.title')} query={party} service="organization" testId="panel-party">
            {party.data && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Row gutter={16}>
                  {partyKinds.map((kind) => (
                    <Col span={8} key={kind}>
                      <Figure
                        title={t(`dashboard.party.kinds.${kind}`)}
                        value={party.data.totals.byKind[kind]}
                        testId={`party-kind-${kind}`}
                      />
                    </Col>
                  ))}
                </Row>
                <Chart
                  label={t('dashboard.party.title')}
                  empty={party.data.totals.communities === 0}
                  emptyText={noData}
                  height={200}
                  option={pieOption(
                    partyKinds.map((kind) => ({
                      name: t(`dashboard.party.kinds.${kind}`),
                      value: party.data.totals.byKind[kind],
                    })),
                  )}
                />
                <Typography.Text type="secondary">
                  {t('dashboard.party.members')} {party.data.totals.members} · {t('dashboard.party.pending')}{' '}
                  {party.data.totals.upgradesAwaitingDecision}
                </Typography.Text>
              </Space>
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={8}>
          <Panel
            title={t('dashboard.facilities.title', { standard: facilities.data?.standardAreaM2 ?? 500 })}
            query={facilities}
            service="organization"
            testId="panel-facilities"
          >
            {facilities.data && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text data-testid="facilities-share">
                  {t('dashboard.facilities.share', {
                    meeting: facilities.data.totals.meetingStandard,
                    communities: facilities.data.totals.communities,
                  })}
                </Typography.Text>
                <Chart
                  label={t('dashboard.facilities.title', { standard: facilities.data.standardAreaM2 })}
                  empty={facilities.data.totals.communities === 0}
                  emptyText={noData}
                  height={200}
                  option={pieOption([
                    { name: t('dashboard.facilities.meeting'), value: facilities.data.totals.meetingStandard },
                    {
                      name: t('dashboard.facilities.below'),
                      value: facilities.data.totals.reported - facilities.data.totals.meetingStandard,
                    },
                    {
                      name: t('dashboard.facilities.unreported'),
                      value: facilities.data.totals.communities - facilities.data.totals.reported,
                    },
                  ])}
                />
              </Space>
            )}
          </Panel>
        </Col>
      </Row>
    </Space>
  );
}
