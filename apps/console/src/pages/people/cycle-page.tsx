import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { Money, yuan } from '../../components/money';
import { hasRole, useSession } from '../../session/session';
import { gradeColor, gradeOrder, type Grade, useCommunities } from './people-data';

type Member = components['schemas']['CohortMemberResponse'];

/** What finance made of one community's bonuses: its payout batch, read from finance's own API. */
function FinanceBatch({ kind, cycleId, communityId }: { kind: string; cycleId: string; communityId: string }) {
  const { t } = useTranslation();
  const communities = useCommunities();
  const batchId = `${kind}-${cycleId}-${communityId}`;
  const batch = useQuery({
    queryKey: ['people', 'payout-batch', batchId],
    queryFn: () => unwrap(api.finance.GET('/payout-batches/{batchId}', { params: { path: { batchId } } })),
    retry: false,
    // Finance opens the batch when it consumes the finalised grades, a moment after the approval.
    refetchInterval: (query) => (query.state.data ? false : 3_000),
  });
  return (
    <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="finance-batch" bordered>
      <Descriptions.Item label={t('people.cycles.community')}>{communities.name(communityId)}</Descriptions.Item>
      {batch.data ? (
        <>
          <Descriptions.Item label={t('people.cycles.financeBatch')}>{batch.data.title}</Descriptions.Item>
          <Descriptions.Item label={t('people.cycles.totalInFinance')}>
            <span data-testid="finance-total">{yuan(batch.data.totalFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('people.cycles.financeStatus')}>
            <Tag>{t(`people.cycles.payoutStatuses.${batch.data.status}`, { defaultValue: batch.data.status })}</Tag>
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={t('people.cycles.financeBatch')}>
          {t('people.cycles.financeWaiting')}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * 评定表: the cohort's grades with live quota counters (优秀 x of its cap, 良好 y of its cap, the caps from the
 * cycle's policy as the service answers them); a breach shows before closing is requested and blocks it.
 */
export function CyclePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { cycleId = '' } = useParams();
  const communities = useCommunities();
  const cycle = useQuery({
    queryKey: ['people', 'cycle', cycleId],
    queryFn: () => unwrap(api.personnel.GET('/assessment-cycles/{cycleId}', { params: { path: { cycleId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'awaiting-approval' ? 5_000 : false),
  });
  const [draft, setDraft] = useState<Record<string, Grade>>({});
  const data = cycle.data;
  useEffect(() => {
    if (data) setDraft(Object.fromEntries(data.members.flatMap((m) => (m.grade ? [[m.workerId, m.grade]] : []))));
  }, [data]);

  const editable = data?.status === 'open' && hasRole(session, 'hr-officer', 'community-secretary');
  const counts = useMemo(() => {
    const tally: Record<string, number> = {};
    for (const grade of Object.values(draft)) tally[grade] = (tally[grade] ?? 0) + 1;
    return tally;
  }, [draft]);
  const changed = (data?.members ?? []).filter(
    (member) => draft[member.workerId] && draft[member.workerId] !== member.grade,
  );
  const ungraded = (data?.members ?? []).filter((member) => !draft[member.workerId]).length;
  const caps = data
    ? [
        { grade: 'excellent', cap: data.quota.allowedExcellent, percent: data.quota.excellentPercent },
        { grade: 'good', cap: data.quota.allowedGood, percent: data.quota.goodPercent },
      ]
    : [];
  const breaches = caps.filter((entry) => (counts[entry.grade] ?? 0) > entry.cap);

  const save = useCommand<{ grades: { workerId: string; grade: Grade }[] }, unknown>({
    run: (body, idempotencyKey) =>
      unwrap(
        api.personnel.PUT('/assessment-cycles/{cycleId}/grades', {
          params: { path: { cycleId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.cycles.saved'),
    invalidate: [['people', 'cycle', cycleId]],
  });
  const close = useCommand<object, unknown>({
    run: (_, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/assessment-cycles/{cycleId}/closing', {
          params: { path: { cycleId } },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.cycles.closingRequested'),
    invalidate: [
      ['people', 'cycle', cycleId],
      ['people', 'cycles'],
    ],
  });

  if (!data) return <Card loading />;
  const cohortCommunities = [...new Set(data.members.map((member) => member.communityId))];
  const gradeLabel = (grade: string) => t(`people.grades.${grade}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <h1 style={{ fontSize: 18, margin: 0 }}>
            {t('people.cycles.sheet')} · {data.period} {t(`people.cycles.kinds.${data.kind}`)} ·{' '}
            {data.communityId ? communities.name(data.communityId) : data.streetCode}
          </h1>
        }
        extra={<Tag color="blue">{t(`people.cycles.statuses.${data.status}`)}</Tag>}
      >
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          {caps.map((entry) => {
            const count = counts[entry.grade] ?? 0;
            const over = count > entry.cap;
            return (
              <div
                key={entry.grade}
                data-testid={`quota-${entry.grade}`}
                data-over={String(over)}
                style={{ minWidth: 220 }}
              >
                <Statistic
                  title={
                    <span>
                      {gradeLabel(entry.grade)}
                      <Typography.Text type="secondary">
                        {t('people.cycles.capRule', { percent: entry.percent, version: data.policyVersion ?? '—' })}
                      </Typography.Text>
                    </span>
                  }
                  value={count}
                  suffix={`/ ${entry.cap}`}
                  valueStyle={{ color: over ? '#cf1322' : undefined }}
                />
                <Progress
                  percent={
                    entry.cap === 0 ? (count > 0 ? 100 : 0) : Math.min(100, Math.round((count / entry.cap) * 100))
                  }
                  status={over ? 'exception' : 'normal'}
                  showInfo={false}
                  size="small"
                  aria-label={t('people.cycles.counter', { grade: gradeLabel(entry.grade), count, cap: entry.cap })}
                />
              </div>
            );
          })}
          <Typography.Text type="secondary">
            {t('people.cycles.pays', {
              qualified: yuan(data.bonusTableFen.qualified),
              good: yuan(data.bonusTableFen.good),
              excellent: yuan(data.bonusTableFen.excellent),
            })}
          </Typography.Text>
        </Space>
        {data.status === 'open' &&
          (breaches.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="quota-breach"
              style={{ marginBottom: 12 }}
              title={breaches
                .map((entry) =>
                  t('people.cycles.breach', {
                    grade: gradeLabel(entry.grade),
                    graded: counts[entry.grade] ?? 0,
                    allowed: entry.cap,
                    percent: entry.percent,
                  }),
                )
                .join('；')}
            />
          ) : (
            <Alert
              type={ungraded > 0 ? 'info' : 'success'}
              showIcon
              data-testid="quota-ok"
              style={{ marginBottom: 12 }}
              title={ungraded > 0 ? t('people.cycles.ungraded', { count: ungraded }) : t('people.cycles.withinQuota')}
            />
          ))}
        {data.lastDecision && data.status === 'open' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('people.cycles.lastDecision', {
              outcome: data.lastDecision.outcome,
              reason: data.lastDecision.reason ?? '',
            })}
          />
        )}
        <Table<Member>
          rowKey="workerId"
          size="small"
          pagination={false}
          dataSource={data.members}
          columns={[
            {
              title: t('people.workers.name'),
              dataIndex: 'name',
              render: (name: string, member) => <Link to={`/people/workers/${member.workerId}`}>{name}</Link>,
            },
            { title: t('people.workers.community'), dataIndex: 'communityId', render: communities.name },
            {
              title: t('people.cycles.grade'),
              key: 'grade',
              width: 200,
              render: (_, member) =>
                editable ? (
                  <Select<Grade>
                    aria-label={`${member.name} ${t('people.cycles.grade')}`}
                    data-testid={`grade-${member.name}`}
                    placeholder={t('people.grades.ungraded')}
                    style={{ width: 150 }}
                    value={draft[member.workerId]}
                    status={
                      draft[member.workerId] && breaches.some((entry) => entry.grade === draft[member.workerId])
                        ? 'error'
                        : undefined
                    }
                    onChange={(grade) => setDraft((current) => ({ ...current, [member.workerId]: grade }))}
                    options={gradeOrder.map((grade) => ({ value: grade, label: gradeLabel(grade) }))}
                  />
                ) : member.grade ? (
                  <Tag color={gradeColor[member.grade]}>{gradeLabel(member.grade)}</Tag>
                ) : (
                  t('people.grades.ungraded')
                ),
            },
            {
              title: t('people.cycles.bonus'),
              dataIndex: 'bonusFen',
              render: (fen: number | null) => <Money fen={fen} />,
            },
          ]}
        />
        {editable && (
          <Space style={{ marginTop: 16 }}>
            <Button
              disabled={changed.length === 0}
              loading={save.pending}
              data-testid="save-grades"
              onClick={() =>
                save.send({
                  grades: changed.map((member) => ({ workerId: member.workerId, grade: draft[member.workerId] })),
                })
              }
            >
              {t('people.cycles.save')}
            </Button>
            <Button
              type="primary"
              disabled={changed.length > 0 || breaches.length > 0 || ungraded > 0}
              loading={close.pending}
              data-testid="request-closing"
              onClick={() => close.send({})}
            >
              {t('people.cycles.requestClosing')}
            </Button>
          </Space>
        )}
      </Card>
      {data.status === 'finalised' && (
        <Card
          size="small"
          title={
            <Space>
              {t('people.cycles.finance')}
              <Typography.Text type="secondary">
                {t('people.cycles.bonus')} <Money fen={data.totalBonusFen} />
              </Typography.Text>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {cohortCommunities.map((communityId) => (
              <FinanceBatch key={communityId} kind={data.kind} cycleId={data.id} communityId={communityId} />
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
