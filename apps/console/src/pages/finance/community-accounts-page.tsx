import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { components } from '../../api/generated/finance';
import { api, unwrap } from '../../api/http';
import { useCommand } from '../../api/use-command';
import { Money } from '../../components/money';
import { PageHeading, SignedMoney } from './finance-common';

type Account = components['schemas']['CommunityAccountResponse'];
type Posting = components['schemas']['StatementLineResponse'];

/** Yuan typed by a person, as whole fen (the API takes integer fen). */
const toFen = (yuanAmount: number) => Math.round(yuanAmount * 100);

/**
 * One community's money: its accounts by fund (专款 one per task, spent only on that task), the postings of the
 * chosen account paged by the ledger, and the forms to record co-building support and spending.
 */
export function CommunityAccountsPage() {
  const { t } = useTranslation();
  const { communityId } = useParams<{ communityId: string }>();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('account');
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const accounts = useQuery({
    queryKey: ['finance', 'community-accounts', communityId],
    queryFn: () =>
      unwrap(
        api.finance.GET('/communities/{communityId}/accounts', { params: { path: { communityId: communityId! } } }),
      ),
  });
  const statement = useQuery({
    queryKey: ['finance', 'account', chosen, page],
    enabled: !!chosen,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.finance.GET('/ledger/accounts/{accountId}', { params: { path: { accountId: chosen! }, query: page } }),
      ),
  });
  const choose = (accountId: string) => {
    setPage({ offset: 0, limit: 20 });
    setParams(
      (current) => {
        current.set('account', accountId);
        return current;
      },
      { replace: true },
    );
  };
  const accountName = (account: Account) =>
    account.fund === 'task'
      ? `${t('money.funds.task')} · ${account.taskTitle ?? account.taskId}`
      : t(`money.funds.${account.fund}`);
  const chosenAccount = accounts.data?.accounts.find((account) => account.accountId === chosen);

  return (
    <>
      <PageHeading
        title={t('money.accounts.title', { name: accounts.data?.name ?? '' })}
        help={t('money.accounts.help')}
        extra={
          <Typography.Text strong data-testid="community-total">
            {t('money.accounts.total')} <Money fen={accounts.data?.totalFen} />
          </Typography.Text>
        }
      />
      <Table<Account>
        data-testid="accounts-table"
        rowKey="accountId"
        size="small"
        loading={accounts.isFetching}
        dataSource={accounts.data?.accounts ?? []}
        pagination={false}
        locale={{ emptyText: t('money.accounts.empty') }}
        columns={[
          {
            title: t('money.accounts.account'),
            key: 'account',
            render: (_, account) => (
              <Space wrap>
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, fontWeight: account.accountId === chosen ? 600 : undefined }}
                  aria-pressed={account.accountId === chosen}
                  onClick={() => choose(account.accountId)}
                >
                  {accountName(account)}
                </Button>
                {account.taskId && <Link to={`/dossiers/tasks/${account.taskId}`}>{t('money.accounts.dossier')}</Link>}
              </Space>
            ),
          },
          {
            title: t('money.accounts.receivedTotal'),
            dataIndex: 'receivedFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.accounts.spentTotal'),
            dataIndex: 'spentFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: t('money.accounts.balance'),
            dataIndex: 'balanceFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          { title: t('money.accounts.postings'), dataIndex: 'postingCount', align: 'right' },
        ]}
      />
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={
          <h2 style={{ fontSize: 16, margin: 0 }}>
            {chosenAccount
              ? t('money.accounts.postingsOf', { account: accountName(chosenAccount) })
              : t('money.accounts.postings')}
          </h2>
        }
      >
        {!chosen ? (
          <Typography.Text type="secondary">{t('money.accounts.pickAccount')}</Typography.Text>
        ) : (
          <Table<Posting>
            data-testid="postings-table"
            rowKey={(posting) => `${posting.transferId}:${posting.accountId}`}
            size="small"
            loading={statement.isFetching}
            dataSource={statement.data?.postings.items ?? []}
            pagination={{
              current: page.offset / page.limit + 1,
              pageSize: page.limit,
              total: statement.data?.postings.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (current, pageSize) => setPage({ offset: (current - 1) * pageSize, limit: pageSize }),
            }}
            columns={[
              {
                title: t('money.accounts.postedAt'),
                dataIndex: 'postedAt',
                render: (at: string) => new Date(at).toLocaleString('zh-CN'),
              },
              {
                title: t('money.accounts.purpose'),
                dataIndex: 'purpose',
                render: (purpose: string) => <Tag>{t(`money.purposes.${purpose}`, { defaultValue: purpose })}</Tag>,
              },
              {
                title: t('money.accounts.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => <SignedMoney fen={fen} />,
              },
              { title: t('money.accounts.memo'), dataIndex: 'memo', render: (memo: string | null) => memo ?? '—' },
              {
                title: t('money.accounts.transfer'),
                dataIndex: 'transferId',
                ellipsis: true,
                render: (id: string) => (
                  <Link to={`/finance/transfers/${encodeURIComponent(id)}`} title={id}>
                    {t('money.accounts.viewTransfer')}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
      {communityId && <CommunityMoneyForms communityId={communityId} accounts={accounts.data?.accounts ?? []} />}
    </>
  );
}

/** 共建/捐赠 receipts and spending (专款 only against its own task), as the finance officer records them. */
function CommunityMoneyForms({ communityId, accounts }: { communityId: string; accounts: Account[] }) {
  const { t } = useTranslation();
  const [receiptForm] = Form.useForm<{
    unitId: string;
    unitName: string;
    kind: 'co-building' | 'donation';
    amount: number;
    note?: string;
  }>();
  const [spendForm] = Form.useForm<{ account: string; amount: number; purpose: string }>();
  const receipt = useCommand<
    { unitId: string; unitName: string; kind: 'co-building' | 'donation'; amountFen: number; note?: string },
    unknown
  >({
    form: receiptForm,
    run: (body, idempotencyKey) =>
      unwrap(
        api.finance.POST('/communities/{communityId}/co-building-receipts', {
          params: { path: { communityId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    success: t('money.accounts.recorded'),
    invalidate: [['finance']],
    onSuccess: () => receiptForm.resetFields(),
  });
  const spend = useCommand<{ fund: Account['fund']; taskId?: string; amountFen: number; purpose: string }, unknown>({
    form: spendForm,
    run: (body, idempotencyKey) =>
      unwrap(
        api.finance.POST('/communities/{communityId}/spending', {
          params: { path: { communityId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    success: t('money.accounts.spent'),
    invalidate: [['finance']],
    onSuccess: () => spendForm.resetFields(),
  });
  return (
    <Space align="start" wrap style={{ marginTop: 16, width: '100%' }} styles={{ item: { flex: '1 1 420px' } }}>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('money.accounts.coBuilding')}</h2>}>
        <Form
          form={receiptForm}
          layout="vertical"
          initialValues={{ kind: 'co-building' }}
          onFinish={(values) =>
            receipt.send({
              unitId: values.unitId,
              unitName: values.unitName,
              kind: values.kind,
              amountFen: toFen(values.amount),
              ...(values.note ? { note: values.note } : {}),
            })
          }
        >
          <Form.Item name="unitId" label={t('money.accounts.unitId')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitName" label={t('money.accounts.unitName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('money.accounts.kind')}>
            <Select
              options={(['co-building', 'donation'] as const).map((kind) => ({
                value: kind,
                label: t(`money.accounts.kinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('money.accounts.amountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('money.accounts.note')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={receipt.pending}>
            {t('money.accounts.record')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('money.accounts.spend')}</h2>}>
        <Form
          form={spendForm}
          layout="vertical"
          onFinish={(values) => {
            const account = accounts.find((candidate) => candidate.accountId === values.account)!;
            spend.send({
              fund: account.fund,
              ...(account.taskId ? { taskId: account.taskId } : {}),
              amountFen: toFen(values.amount),
              purpose: values.purpose,
            });
          }}
        >
          <Form.Item name="account" label={t('money.accounts.spendFund')} rules={[{ required: true }]}>
            <Select
              options={accounts.map((account) => ({
                value: account.accountId,
                label:
                  account.fund === 'task'
                    ? `${t('money.funds.task')} · ${account.taskTitle ?? account.taskId}`
                    : t(`money.funds.${account.fund}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('money.accounts.amountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="purpose" label={t('money.accounts.spendPurpose')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={spend.pending}>
            {t('money.accounts.spend')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
