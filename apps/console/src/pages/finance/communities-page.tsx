import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/generated/finance';
import { api } from '../../api/http';
import { Money } from '../../components/money';
import { jsonReport, PageHeading, useYear, YearPicker } from './finance-common';

type CommunityMoney = components['schemas']['CommunityReportResponse'];

/** 社区账户: the communities in the officer's scope with their money of the year, paged by finance. */
export function CommunitiesPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const report = useQuery({
    queryKey: ['finance', 'communities-report', year, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      jsonReport(api.finance.GET('/reports/communities', { params: { query: { year: String(year), ...page } } })),
  });
  const fund = (key: 'baseOperating' | 'partyBuilding' | 'task' | 'coBuilding', fundName: string) => ({
    title: `${t(`money.funds.${fundName}`)}（${t('money.communities.received')}）`,
    key,
    align: 'right' as const,
    render: (_: unknown, row: CommunityMoney) => <Money fen={row.received[key]} />,
  });
  return (
    <>
      <PageHeading
        title={t('money.communities.title')}
        help={t('money.communities.help')}
        extra={<YearPicker year={year} onChange={(next) => (setYear(next), setPage({ ...page, offset: 0 }))} />}
      />
      <Table<CommunityMoney>
        data-testid="communities-table"
        rowKey="communityId"
        size="small"
        loading={report.isFetching}
        dataSource={report.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: report.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ offset: (current - 1) * pageSize, limit: pageSize }),
        }}
        columns={[
          { title: t('money.communities.code'), dataIndex: 'code', width: 110 },
          {
            title: t('money.communities.community'),
            key: 'name',
            render: (_, row) => <Link to={`/finance/communities/${row.communityId}?year=${year}`}>{row.name}</Link>,
          },
          fund('baseOperating', 'base-operating'),
          fund('partyBuilding', 'party-building'),
          fund('task', 'task'),
          fund('coBuilding', 'co-building'),
          {
            title: t('money.communities.spent'),
            key: 'spent',
            align: 'right',
            render: (_, row) => <Money fen={row.spent.total} />,
          },
          {
            title: t('money.communities.balance'),
            key: 'balance',
            align: 'right',
            render: (_, row) => <Money fen={row.balance.total} />,
          },
        ]}
      />
    </>
  );
}
