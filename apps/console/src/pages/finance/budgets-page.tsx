import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/finance';
import { api, unwrap } from '../../api/http';
import { Money } from '../../components/money';
import { MoneyBarChart } from './bar-chart';
import { PageHeading, useYear, YearPicker } from './finance-common';

type Budget = components['schemas']['ListedBudgetResponse'];

/** 部门预算: every department's budget of a year, side by side, with a chart of how much is still available. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const budgets = useQuery({
    queryKey: ['finance', 'budgets', year, page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.finance.GET('/budgets', { params: { query: { year, ...page } } })),
  });
  const items = budgets.data?.items ?? [];
  const name = (budget: Budget) => budget.departmentName ?? budget.departmentCode ?? budget.departmentId;
  return (
    <>
      <PageHeading
        title={t('money.budgets.title')}
        help={t('money.budgets.help')}
        extra={<YearPicker year={year} onChange={(next) => (setYear(next), setPage({ ...page, offset: 0 }))} />}
      />
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('money.budgets.chart')}</h2>}>
        <MoneyBarChart
          testId="budgets-chart"
          title={t('money.budgets.chart')}
          emptyText={t('money.budgets.chartEmpty')}
          categories={items.map(name)}
          series={[
            { name: t('money.budgets.available'), fen: items.map((b) => b.availableFen), stack: 'budget' },
            { name: t('money.budgets.reserved'), fen: items.map((b) => b.reservedFen), stack: 'budget' },
            { name: t('money.budgets.disbursed'), fen: items.map((b) => b.disbursedFen), stack: 'budget' },
          ]}
        />
      </Card>
      <Table<Budget>
        style={{ marginTop: 16 }}
        data-testid="budgets-table"
        rowKey="departmentId"
        size="small"
        loading={budgets.isFetching}
        dataSource={items}
        locale={{ emptyText: t('money.budgets.empty') }}
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: budgets.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ offset: (current - 1) * pageSize, limit: pageSize }),
        }}
        columns={[
          { title: t('money.budgets.department'), key: 'department', render: (_, budget) => name(budget) },
          {
            title: t('money.budgets.approved'),
            dataIndex: 'approvedFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.budgets.available'),
            dataIndex: 'availableFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.budgets.reserved'),
            dataIndex: 'reservedFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.budgets.disbursed'),
            dataIndex: 'disbursedFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
        ]}
      />
    </>
  );
}
