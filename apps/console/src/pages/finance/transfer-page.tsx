import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { components } from '../../api/generated/finance';
import { api, unwrap } from '../../api/http';
import { PageHeading, SignedMoney } from './finance-common';

type Leg = components['schemas']['TransferPostingResponse'];

/** The task a transfer moved money for, read from its id (`disburse:<taskId>:…`, `reserve:<taskId>`, …). */
function taskOf(transferId: string): string | null {
  const match = /^(?:disburse|reserve|release|spend):([0-9a-f-]{36})/.exec(transferId);
  return match?.[1] ?? null;
}

/** 凭证: one ledger transfer and its legs (分录), which sum to zero. */
export function TransferPage() {
  const { t } = useTranslation();
  const { transferId } = useParams<{ transferId: string }>();
  const transfer = useQuery({
    queryKey: ['finance', 'transfer', transferId],
    queryFn: () =>
      unwrap(api.finance.GET('/ledger/transfers/{transferId}', { params: { path: { transferId: transferId! } } })),
  });
  const data = transfer.data;
  const taskId = data?.postings.find((leg) => leg.account.taskId)?.account.taskId ?? taskOf(transferId ?? '');
  // An account as people call it: its owner, the year of a budget, the task of earmarked money; its id only where
  // finance knows no name (the treasury, an owner it has not heard of).
  const accountName = (leg: Leg) => {
    const { account } = leg;
    const parts = [
      account.ownerName ?? (account.kind === 'district-treasury' ? t('money.transfer.treasury') : account.ownerId),
      ...(account.year && account.kind.startsWith('department-')
        ? [t('money.transfer.year', { year: account.year })]
        : []),
      ...(account.taskTitle ? [account.taskTitle] : []),
    ];
    return parts.join(' · ');
  };
  const ownerLink = (leg: Leg) =>
    leg.account.kind.startsWith('community-') ? (
      <Link to={`/finance/communities/${leg.account.ownerId}?account=${encodeURIComponent(leg.account.id)}`}>
        {accountName(leg)}
      </Link>
    ) : (
      accountName(leg)
    );
  return (
    <>
      <PageHeading
        title={
          data
            ? t('money.transfer.title', {
                id: [t(`money.purposes.${data.purpose}`, { defaultValue: data.purpose }), data.referenceName]
                  .filter(Boolean)
                  .join(' · '),
              })
            : t('money.transfer.title', { id: '' })
        }
        help={t('money.transfer.help')}
      />
      <Card size="small" loading={transfer.isLoading}>
        {data && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('money.transfer.purpose')}>
              <Tag>{t(`money.purposes.${data.purpose}`, { defaultValue: data.purpose })}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('money.transfer.reference')}>
              {taskId ? (
                <Link to={`/dossiers/tasks/${taskId}`}>{data.referenceName ?? data.reference ?? taskId}</Link>
              ) : (
                (data.referenceName ?? data.reference ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('money.transfer.memo')}>{data.memo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('money.transfer.reverses')}>
              {data.reverses ? (
                <Link to={`/finance/transfers/${encodeURIComponent(data.reverses)}`}>{data.reverses}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('money.transfer.id')} span={2}>
              <Typography.Text copyable type="secondary" style={{ wordBreak: 'break-all' }}>
                {data.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Table<Leg>
        style={{ marginTop: 16 }}
        data-testid="transfer-legs"
        rowKey={(leg) => leg.account.id}
        size="small"
        pagination={false}
        loading={transfer.isFetching}
        dataSource={data?.postings ?? []}
        title={() => <h2 style={{ fontSize: 16, margin: 0 }}>{t('money.transfer.legs')}</h2>}
        summary={(legs) => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('money.transfer.sum')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <SignedMoney fen={legs.reduce((sum, leg) => sum + leg.amountFen, 0)} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('money.transfer.account'), key: 'account', render: (_, leg) => ownerLink(leg) },
          {
            title: t('money.transfer.kind'),
            key: 'kind',
            render: (_, leg) => t(`money.accountKinds.${leg.account.kind}`, { defaultValue: leg.account.kind }),
          },
          {
            title: t('money.transfer.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => <SignedMoney fen={fen} />,
          },
        ]}
      />
    </>
  );
}
