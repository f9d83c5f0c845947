import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { gatewayFetch } from '../../api/http';
import { ApiProblem } from '../../api/problem';
import { useUserNames } from '../../api/use-user-names';
import { Money } from '../../components/money';
import { useFollowTaskFundTransfer } from '../finance/task-fund-transfer-query';
import { useFollowSubmission } from '../submissions/submission-queries';

type Section<T> =
  | { state: 'shown'; data: T }
  | { state: 'hidden'; status: number; code: string | null }
  | { state: 'unavailable'; service: string };

interface Posting {
  transferId: string;
  amountFen: number;
  purpose: string;
  memo: string | null;
  postedAt: string;
}

interface Worker {
  id: string;
  name: string;
  postStep: string;
}

interface DossierCommunity {
  communityId: string;
  code: string | null;
  name: string | null;
  money: { promisedFen: number; disbursedFen: number; spentFen: number; balanceFen: number } | null;
  postings: Section<{ balanceFen: number; postings: { items: Posting[]; total: number } }>;
  dispatch: Section<{ status: string; dispatchedAt: string | null; doneAt: string | null } | null>;
  people: Section<{ secretaries: Worker[]; workers: Worker[] }>;
}

interface AuditEntry {
  sequence: number;
  stepName: string;
  actorId: string;
  action: string;
  reason: string | null;
  comment: string | null;
  occurredAt: string;
}

interface TaskDossier {
  taskId: string | null;
  submissionId: string | null;
  submission: Section<{
    title: string;
    status: string;
    departmentId: string;
    periodStart: string;
    periodEnd: string;
    fundingPerCommunityFen: number;
    catalogueItem: { code: string; name: string; fundingStandardFen: number } | null;
  }>;
  history: Section<{ rounds: { round: number; submittedAt: string; outcome: string | null }[]; audit: AuditEntry[] }>;
  transfer: Section<{ status: string; title: string; totalFen: number }>;
  money: Section<{ promisedFen: number; disbursedFen: number; spentFen: number }>;
  violations: Section<{ id: string; communityId: string; reason: string; recordedAt: string }[]>;
  communities: DossierCommunity[];
  unavailable: string[];
}

const time = (at: string | null | undefined) => (at ? new Date(at).toLocaleString('zh-CN') : '—');

/** A part of the dossier: its content, or why it is not shown (not the user's to see, or its service is down). */
function Part<T>({ section, children }: { section: Section<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (section.state === 'shown') return <>{children(section.data)}</>;
  // A part its service does not have (404: a transfer finance has not opened yet) is not a refusal.
  if (section.state === 'hidden')
    return (
      <Typography.Text type="secondary">
        {t(section.status === 404 ? 'dossier.absent' : 'dossier.hidden')}
      </Typography.Text>
    );
  return (
    <Typography.Text type="warning">
      {t('dossier.unavailable', { service: t(`services.${section.service}`, { defaultValue: section.service }) })}
    </Typography.Text>
  );
}

/**
 * The task whose transfer the dossier follows: an admitted task's, once finance shows it or while it is not there
 * yet (404: finance opens it a moment after the admission). Not a task funded by no transfer (无经费事项), nor
 * one whose transfer the user may not read.
 */
function transferToFollow(dossier: TaskDossier): string | null {
  const { taskId, transfer, submission } = dossier;
  if (!taskId) return null;
  if (transfer.state === 'shown') return taskId;
  const unfunded = submission.state === 'shown' && submission.data.fundingPerCommunityFen === 0;
  return transfer.state === 'hidden' && transfer.status === 404 && !unfunded ? taskId : null;
}

/**
 * 任务档案: one task end to end, from the gateway's dossier (each service read with the user's token). Opened by
 * task (`/dossiers/tasks/:taskId`, from finance and the community lists) or by submission
 * (`/dossiers/submissions/:submissionId`, from the submission page and the workbench).
 */
export function DossierPage() {
  const { t } = useTranslation();
  const { taskId, submissionId } = useParams<{ taskId?: string; submissionId?: string }>();
  const path = taskId ? `/api/dossiers/tasks/${taskId}` : `/api/dossiers/submissions/${submissionId}`;
  const dossier = useQuery({
    queryKey: ['dossier', path],
    queryFn: () => gatewayFetch<TaskDossier>(path),
    retry: (count, error) => !(error instanceof ApiProblem && error.problem.status === 404) && count < 2,
  });
  // What moves is followed while the page is open, and each change reads the dossier again: the review until the
  // task is admitted (a step opening, a decision), then its transfer (finance opening it, the officer's decision,
  // the payment, a failure). One held read per page, not two: a browser keeps six connections to the console, and
  // each open page also holds its notification stream.
  const followedTransfer = dossier.data && transferToFollow(dossier.data);
  const followedSubmission =
    !followedTransfer && dossier.data?.submission.state === 'shown' ? dossier.data.submissionId : null;
  useFollowSubmission(followedSubmission ?? '', { alsoStale: [['dossier', path]], enabled: !!followedSubmission });
  useFollowTaskFundTransfer(followedTransfer ?? '', undefined, {
    alsoStale: [['dossier', path]],
    enabled: !!followedTransfer,
  });
  const trail = dossier.data?.history;
  const nameOf = useUserNames(trail?.state === 'shown' ? trail.data.audit.map((entry) => entry.actorId) : []);
  if (dossier.isError) return <Empty description={t('dossier.notFound')} />;
  const data = dossier.data;
  if (!data) return <Card loading />;
  // A column every community's part refuses to this user (403) is left out, and said once, rather than refused in
  // every row.
  const refusedColumns = (['dispatch', 'people'] as const).filter(
    (key) =>
      data.communities.length > 0 &&
      data.communities.every((community) => community[key].state === 'hidden' && community[key].status === 403),
  );
  const title =
    (data.submission.state === 'shown' && data.submission.data.title) ||
    (data.transfer.state === 'shown' && data.transfer.data.title) ||
    data.taskId;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dossier">
      <div>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('dossier.title', { title })}</h1>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('dossier.help')}
        </Typography.Paragraph>
      </div>
      {data.unavailable.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('banner.unavailable', {
            services: data.unavailable.map((service) => t(`services.${service}`, { defaultValue: service })).join('、'),
          })}
        />
      )}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.submission')}</h2>}>
        <Part section={data.submission}>
          {(submission) => (
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('dossier.status')}>
                <Tag>{t(`submission.statuses.${submission.status}`, { defaultValue: submission.status })}</Tag>
                {data.submissionId && (
                  <Link to={`/submissions/${data.submissionId}`}>{t('dossier.openSubmission')}</Link>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.catalogueItem')}>
                {submission.catalogueItem ? `${submission.catalogueItem.code} ${submission.catalogueItem.name}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.period')}>
                {submission.periodStart} ~ {submission.periodEnd}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.fundingPerCommunity')}>
                <Money fen={submission.fundingPerCommunityFen} />
              </Descriptions.Item>
            </Descriptions>
          )}
        </Part>
        <h3 style={{ fontSize: 14, margin: '16px 0 8px' }}>{t('dossier.audit')}</h3>
        <Part section={data.history}>
          {(history) => (
            <Timeline
              items={history.audit.map((entry) => ({
                key: entry.sequence,
                children: (
                  <span>
                    {time(entry.occurredAt)} · {entry.stepName} ·{' '}
                    {entry.actorId === 'system' ? '' : `${nameOf(entry.actorId)} · `}
                    {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
                    {(entry.reason ?? entry.comment) && ` ·「${entry.reason ?? entry.comment}」`}
                  </span>
                ),
              }))}
            />
          )}
        </Part>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.transfer')}</h2>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Part section={data.transfer}>
            {(transfer) => (
              <span>
                {t('dossier.transferStatus')}：
                <Tag data-testid="dossier-transfer-status">
                  {t(`money.statuses.${transfer.status}`, { defaultValue: transfer.status })}
                </Tag>
              </span>
            )}
          </Part>
          <Part section={data.money}>
            {(money) => (
              <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="dossier-money">
                <Descriptions.Item label={t('dossier.promised')}>
                  <Money fen={money.promisedFen} />
                </Descriptions.Item>
                <Descriptions.Item label={t('dossier.disbursed')}>
                  <Money fen={money.disbursedFen} />
                </Descriptions.Item>
                <Descriptions.Item label={t('dossier.spent')}>
                  <Money fen={money.spentFen} />
                </Descriptions.Item>
              </Descriptions>
            )}
          </Part>
        </Space>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.communities')}</h2>}>
        {refusedColumns.length > 0 && (
          <Typography.Paragraph type="secondary" data-testid="dossier-refused-columns">
            {t('dossier.columnsRefused', { columns: refusedColumns.map((key) => t(`dossier.${key}`)).join('、') })}
          </Typography.Paragraph>
        )}
        <Table<DossierCommunity>
          data-testid="dossier-communities"
          rowKey="communityId"
          size="small"
          pagination={false}
          dataSource={data.communities}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (community) => (
              <Part section={community.postings}>
                {(account) => (
                  <List
                    size="small"
                    header={t('dossier.postings')}
                    dataSource={account.postings.items}
                    renderItem={(posting) => (
                      <List.Item>
                        <span>{time(posting.postedAt)}</span>
                        <span>{t(`money.purposes.${posting.purpose}`, { defaultValue: posting.purpose })}</span>
                        <span>{posting.memo ?? ''}</span>
                        <Money fen={posting.amountFen} />
                        <Link to={`/finance/transfers/${encodeURIComponent(posting.transferId)}`}>
                          {t('money.accounts.transfer')}
                        </Link>
                      </List.Item>
                    )}
                  />
                )}
              </Part>
            ),
          }}
          columns={[
            {
              title: t('dossier.community'),
              key: 'name',
              render: (_, c) => c.name ?? c.code ?? c.communityId.slice(0, 8),
            },
            {
              title: t('dossier.promised'),
              key: 'promised',
              align: 'right',
              render: (_, c) => <Money fen={c.money?.promisedFen} />,
            },
            {
              title: t('dossier.disbursed'),
              key: 'disbursed',
              align: 'right',
              render: (_, c) => <Money fen={c.money?.disbursedFen} />,
            },
            {
              title: t('dossier.spent'),
              key: 'spent',
              align: 'right',
              render: (_, c) => <Money fen={c.money?.spentFen} />,
            },
            {
              title: t('dossier.balance'),
              key: 'balance',
              align: 'right',
              render: (_, c) => <Money fen={c.money?.balanceFen} />,
            },
            {
              title: t('dossier.dispatch'),
              key: 'dispatch',
              hidden: refusedColumns.includes('dispatch'),
              render: (_, c) => (
                <Part section={c.dispatch}>
                  {(dispatch) =>
                    dispatch ? (
                      <span>
                        <Tag>{t(`dossier.taskStatuses.${dispatch.status}`, { defaultValue: dispatch.status })}</Tag>
                        {time(dispatch.dispatchedAt)}
                        {dispatch.doneAt && ` → ${time(dispatch.doneAt)}`}
                      </span>
                    ) : (
                      t('dossier.notDispatched')
                    )
                  }
                </Part>
              ),
            },
            {
              title: t('dossier.people'),
              key: 'people',
              hidden: refusedColumns.includes('people'),
              render: (_, c) => (
                <Part section={c.people}>
                  {(people) => (
                    <span>
                      {t('dossier.secretary')}：{people.secretaries.map((w) => w.name).join('、') || '—'}；
                      {t('dossier.workers', { count: people.workers.length })}
                    </span>
                  )}
                </Part>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.violations')}</h2>}>
        <Part section={data.violations}>
          {(violations) =>
            violations.length === 0 ? (
              t('dossier.noViolations')
            ) : (
              <List
                size="small"
                dataSource={violations}
                renderItem={(violation) => (
                  <List.Item>
                    {time(violation.recordedAt)} · {violation.reason}
                  </List.Item>
                )}
              />
            )
          }
        </Part>
      </Card>
    </Space>
  );
}
