import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Popconfirm, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/http';
import { ApiProblem } from '../../api/problem';
import { useCommand } from '../../api/use-command';
import { Money, yuan } from '../../components/money';
import { PageHeading, useYear, YearPicker } from './finance-common';

/** How often the page asks for progress while a run pays communities. */
const progressEveryMs = 1_000;

/**
 * 社区基本运转经费: the year's standard, a button that starts the batch workflow, and its progress, asked for every
 * second while the run is paying (the run's own counters in finance, so a reload or another officer sees the same).
 */
export function BaseAllocationPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const standard = useQuery({
    queryKey: ['finance', 'base-standard', year],
    queryFn: () => unwrap(api.finance.GET('/base-allocation-standards/{year}', { params: { path: { year } } })),
  });
  const communities = useQuery({
    queryKey: ['finance', 'community-count'],
    queryFn: () => unwrap(api.finance.GET('/community-directory', { params: { query: { offset: 0, limit: 1 } } })),
  });
  const run = useQuery({
    queryKey: ['finance', 'base-allocation', year],
    queryFn: async () => {
      try {
        return await unwrap(api.finance.GET('/base-allocations/{year}', { params: { path: { year } } }));
      } catch (error) {
        // No run of the year yet is a state of the page, not an error.
        if (error instanceof ApiProblem && error.problem.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? progressEveryMs : false),
  });
  const start = useCommand<{ year: number }, unknown>({
    run: (variables, idempotencyKey) =>
      unwrap(
        api.finance.POST('/base-allocations/{year}', {
          params: { path: { year: variables.year }, header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    success: t('money.base.started'),
    invalidate: [['finance', 'base-allocation', year]],
  });
  const current = run.data;
  const total = Math.max(communities.data?.total ?? 0, current?.communitiesSeen ?? 0);
  const paid = current?.communitiesPaid ?? 0;
  const percent = current?.status === 'finished' ? 100 : total ? Math.floor((paid / total) * 100) : 0;
  return (
    <>
      <PageHeading
        title={t('money.base.title')}
        help={t('money.base.help')}
        extra={<YearPicker year={year} onChange={setYear} />}
      />
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('money.base.standard')}>
            <Money fen={standard.data?.amountFen} />{' '}
            {standard.data && (
              <Tag>
                {standard.data.isDefault
                  ? t('money.base.defaultStandard', { version: standard.data.policyVersion })
                  : t('money.base.ownStandard')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.year')}>{year}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('money.base.confirmStart', { amount: yuan(standard.data?.amountFen), year })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => start.send({ year })}
          >
            <Button type="primary" loading={start.pending || current?.status === 'running'} disabled={!standard.data}>
              {t('money.base.start')}
            </Button>
          </Popconfirm>
        </div>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('money.base.run', { run: current?.runNumber ?? 1 })}</h2>}
      >
        {!current ? (
          <Empty description={t('money.base.notStarted', { year })} />
        ) : (
          <div data-testid="base-allocation-progress" data-status={current.status}>
            <Tag color={current.status === 'finished' ? 'green' : 'processing'}>
              {t(`money.base.${current.status}`)}
            </Tag>
            <Progress
              percent={percent}
              status={current.status === 'finished' ? 'success' : 'active'}
              aria-label={t('money.base.progress', { paid, total })}
            />
            <p data-testid="base-allocation-count">{t('money.base.progress', { paid, total })}</p>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('money.base.paidAmount')}>
                <Money fen={paid * current.amountFen} />
              </Descriptions.Item>
              <Descriptions.Item label={t('money.base.startedAt')}>
                {new Date(current.startedAt).toLocaleString('zh-CN')}
              </Descriptions.Item>
              <Descriptions.Item label={t('money.base.finishedAt')}>
                {current.finishedAt ? new Date(current.finishedAt).toLocaleString('zh-CN') : '—'}
              </Descriptions.Item>
            </Descriptions>
          </div>
        )}
      </Card>
    </>
  );
}
