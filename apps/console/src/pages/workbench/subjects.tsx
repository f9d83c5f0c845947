import { useQuery } from '@tanstack/react-query';
import { Descriptions, Skeleton, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../api/gateway';
import type { components } from '../../api/generated/finance';
import { api, unwrap } from '../../api/http';
import { fromTable } from '../../api/problem-messages';
import { useUserNames } from '../../api/use-user-names';
import { Money } from '../../components/money';
import { DossierLink } from '../dossier/dossier-link';
import { taskFundTransferQuery, useFollowTaskFundTransfer } from '../finance/task-fund-transfer-query';
import { directoryQuery } from '../submissions/submission-queries';
import { SubmissionReview } from '../submissions/submission-review';

export type ActionKind = 'approve' | 'reject' | 'return' | 'transfer' | 'add-reviewer' | 'copy' | 'remind';

export interface ActionInput {
  action: ActionKind;
  reason?: string;
  comment?: string;
  targetUserId?: string;
  targetRole?: string;
}

/** How one kind of approval subject is shown and acted on; the service stays the judge of who may act. */
export interface SubjectKind {
  actions: ActionKind[];
  act: (item: InboxItem, input: ActionInput, idempotencyKey: string) => Promise<unknown>;
  detail: (item: InboxItem) => ReactNode;
}

const key = (idempotencyKey: string) => ({ header: { 'Idempotency-Key': idempotencyKey } }) as const;

function splitTransferKey(subjectId: string): { taskId: string; period?: string } {
  const [taskId, period] = subjectId.split(':');
  return period ? { taskId: taskId, period } : { taskId: taskId };
}

/** The transfer state in which each step of a transfer takes decisions. */
const transferStepStates: [stepPrefix: string, state: string][] = [
  ['finance-approval-', 'awaiting-decision'],
  ['department-resubmission-', 'returned'],
];

/**
 * Whether the opened item's subject has moved on since the item was opened, so its decisions leave the drawer rather
 * than offer one the service would refuse. Only a transfer is followed while its drawer is open (a colleague
 * decided, the department resubmitted, the deadline lapsed); the query is the drawer's own, read once for both.
 */
export function useSubjectMovedOn(opened: InboxItem | null): boolean {
  const transfer = opened?.subjectType === 'task-fund-transfer' ? splitTransferKey(opened.subjectId) : undefined;
  const query = useQuery({
    ...taskFundTransferQuery(transfer?.taskId ?? '', transfer?.period),
    enabled: transfer !== undefined,
  });
  const decidesIn = transferStepStates.find(([prefix]) => opened?.stepId.startsWith(prefix))?.[1];
  return decidesIn !== undefined && query.data !== undefined && query.data.status !== decidesIn;
}

function decision(input: ActionInput): { action: 'approve' | 'reject' | 'return'; reason?: string } {
  return { action: input.action as 'approve' | 'reject' | 'return', ...(input.reason ? { reason: input.reason } : {}) };
}

const transferColours: Record<components['schemas']['TaskFundTransferDetailResponse']['status'], string> = {
  reserving: 'default',
  'awaiting-decision': 'processing',
  returned: 'warning',
  disbursing: 'processing',
  disbursed: 'success',
  failed: 'error',
};

function TransferDetail({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { taskId, period } = splitTransferKey(subjectId);
  const directory = useQuery(directoryQuery);
  const communityName = (id: string) => directory.data?.items.find((entry) => entry.communityId === id)?.name ?? id;
  const transfer = useQuery(taskFundTransferQuery(taskId, period));
  // While the drawer is open it follows the transfer: another officer's decision, the payment or a failure shows
  // at once, and the list behind it is read again.
  useFollowTaskFundTransfer(taskId, period, { alsoStale: [['inbox']] });
  const nameOf = useUserNames([transfer.data?.lastDecision?.actorId]);
  if (!transfer.data) return <Skeleton active />;
  const total = transfer.data.totalFen;
  const budget = transfer.data.departmentBudget;
  const { status, lastDecision, failureCode, failureReason } = transfer.data;
  const failure = (failureCode ? fromTable(t, 'money.failures', failureCode) : undefined) ?? failureReason;
  return (
    <>
      <Descriptions column={1} size="small" bordered title={t('finance.transfer')}>
        <Descriptions.Item label={t('submission.title')}>
          {transfer.data.title} <DossierLink taskId={taskId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.status')}>
          <Tag color={transferColours[status]} data-testid="transfer-status">
            {t(`money.statuses.${status}`, { defaultValue: status })}
          </Tag>
        </Descriptions.Item>
        {lastDecision && (
          <Descriptions.Item label={t('finance.lastDecision')}>
            <span data-testid="transfer-decision">
              {t(`money.decisions.${lastDecision.action}`, { defaultValue: lastDecision.action })} ·{' '}
              {nameOf(lastDecision.actorId)}
              {lastDecision.reason && `：${lastDecision.reason}`}
            </span>
          </Descriptions.Item>
        )}
        {status === 'failed' && (
          <Descriptions.Item label={t('finance.failure')}>{failure ?? failureCode}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('submission.budgetYear')}>{transfer.data.budgetYear}</Descriptions.Item>
        {transfer.data.period && (
          <Descriptions.Item label={t('submission.fundingPeriod')}>{transfer.data.period}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('finance.total')}>
          <Money fen={total} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.communities')}>{transfer.data.funding.length}</Descriptions.Item>
        {budget && (
          <>
            <Descriptions.Item label={t('finance.budgetBefore')}>
              <span data-testid="budget-before">
                <Money fen={budget.beforeFen} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('finance.budgetAfter')}>
              <span data-testid="budget-after" className={budget.afterFen < 0 ? 'overdue' : undefined}>
                <Money fen={budget.afterFen} />
              </span>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="communityId"
        pagination={false}
        dataSource={transfer.data.funding}
        columns={[
          {
            title: t('community.community'),
            dataIndex: 'communityId',
            ellipsis: true,
            render: (id: string) => communityName(id),
          },
          { title: t('finance.perCommunity'), dataIndex: 'amountFen', render: (fen: number) => <Money fen={fen} /> },
        ]}
      />
    </>
  );
}

function PayoutBatchDetail({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const batch = useQuery({
    queryKey: ['finance', 'payout-batch', batchId],
    queryFn: () => unwrap(api.finance.GET('/payout-batches/{batchId}', { params: { path: { batchId } } })),
  });
  if (!batch.data) return <Skeleton active />;
  return (
    <>
      <Descriptions column={1} size="small" bordered title={t('finance.batch')}>
        <Descriptions.Item label={t('submission.title')}>{batch.data.title}</Descriptions.Item>
        <Descriptions.Item label={t('community.period')}>{batch.data.period}</Descriptions.Item>
        <Descriptions.Item label={t('finance.total')}>
          <Money fen={batch.data.totalFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.status')}>
          <Tag>{batch.data.status}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="workerId"
        pagination={false}
        dataSource={batch.data.lines}
        columns={[
          { title: t('finance.items'), dataIndex: 'workerId', ellipsis: true },
          { title: t('community.funding'), dataIndex: 'amountFen', render: (fen: number) => <Money fen={fen} /> },
        ]}
      />
    </>
  );
}

function PromotionDetail({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const request = useQuery({
    queryKey: ['personnel', 'promotion', requestId],
    queryFn: () => unwrap(api.personnel.GET('/promotion-requests/{requestId}', { params: { path: { requestId } } })),
  });
  if (!request.data) return <Skeleton active />;
  return (
    <Descriptions column={1} size="small" bordered title={t('personnel.promotion')}>
      <Descriptions.Item label="工作者">{request.data.workerId}</Descriptions.Item>
      <Descriptions.Item label="序列">{request.data.trackCode}</Descriptions.Item>
      <Descriptions.Item label="晋升">
        {request.data.fromStep} → {request.data.toStep}
      </Descriptions.Item>
      <Descriptions.Item label={t('actions.reason')}>{request.data.reason}</Descriptions.Item>
      <Descriptions.Item label={t('submission.status')}>
        <Tag>{request.data.status}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

function CycleDetail({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const cycle = useQuery({
    queryKey: ['personnel', 'cycle', cycleId],
    queryFn: () => unwrap(api.personnel.GET('/assessment-cycles/{cycleId}', { params: { path: { cycleId } } })),
  });
  if (!cycle.data) return <Skeleton active />;
  return (
    <Descriptions column={1} size="small" bordered title={t('personnel.closing')}>
      <Descriptions.Item label="周期">
        {cycle.data.kind === 'monthly' ? '月度' : '年度'} {cycle.data.period}
      </Descriptions.Item>
      <Descriptions.Item label={t('submission.street')}>{cycle.data.streetCode}</Descriptions.Item>
      <Descriptions.Item label={t('submission.status')}>
        <Tag>{cycle.data.status}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

function PostingDetail({ postingId }: { postingId: string }) {
  const { t } = useTranslation();
  const posting = useQuery({
    queryKey: ['personnel', 'posting', postingId],
    queryFn: () => unwrap(api.personnel.GET('/recruitment-postings/{postingId}', { params: { path: { postingId } } })),
  });
  if (!posting.data) return <Skeleton active />;
  return (
    <Descriptions column={1} size="small" bordered title={t('personnel.hire')}>
      <Descriptions.Item label={t('submission.title')}>{posting.data.title}</Descriptions.Item>
      <Descriptions.Item label="岗位数">{posting.data.places.length}</Descriptions.Item>
      <Descriptions.Item label="报名人数">{posting.data.applications.length}</Descriptions.Item>
      <Descriptions.Item label={t('submission.status')}>
        <Tag>{posting.data.status}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

function UpgradeDetail({ requestId }: { requestId: string }) {
  const request = useQuery({
    queryKey: ['organization', 'upgrade', requestId],
    queryFn: () =>
      unwrap(
        api.organization.GET('/party-organisation-upgrade-requests/{requestId}', { params: { path: { requestId } } }),
      ),
  });
  if (!request.data) return <Skeleton active />;
  return (
    <Descriptions column={1} size="small" bordered title="党组织升格">
      {Object.entries(request.data)
        .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
        .map(([field, value]) => (
          <Descriptions.Item key={field} label={field}>
            {String(value)}
          </Descriptions.Item>
        ))}
    </Descriptions>
  );
}

const personnelAct =
  (
    send: (
      id: string,
      body: { kind: 'approve' | 'reject' | 'return'; reason?: string },
      key: string,
    ) => Promise<unknown>,
  ) =>
  (item: InboxItem, input: ActionInput, idempotencyKey: string) => {
    const { action, reason } = decision(input);
    return send(item.subjectId, { kind: action, ...(reason ? { reason } : {}) }, idempotencyKey);
  };

export const subjectKinds: Record<string, SubjectKind> = {
  'admission-submission': {
    actions: ['approve', 'reject', 'return', 'transfer', 'add-reviewer', 'copy', 'remind'],
    act: (item, input, idempotencyKey) =>
      unwrap(
        api.admission.POST('/submissions/{submissionId}/actions', {
          params: { path: { submissionId: item.subjectId }, ...key(idempotencyKey) },
          body: { ...input, slotId: item.slotId },
        }),
      ),
    detail: (item) => (
      <>
        <DossierLink submissionId={item.subjectId} />
        <SubmissionReview submissionId={item.subjectId} />
      </>
    ),
  },
  'task-fund-transfer': {
    actions: ['approve', 'reject', 'return'],
    act: (item, input, idempotencyKey) => {
      const { taskId, period } = splitTransferKey(item.subjectId);
      return unwrap(
        api.finance.POST('/task-fund-transfers/{taskId}/actions', {
          params: { path: { taskId }, query: period ? { period } : {}, ...key(idempotencyKey) },
          body: decision(input),
        }),
      );
    },
    detail: (item) => <TransferDetail subjectId={item.subjectId} />,
  },
  'payout-batch': {
    actions: ['approve', 'reject'],
    act: (item, input, idempotencyKey) =>
      unwrap(
        api.finance.POST('/payout-batches/{batchId}/actions', {
          params: { path: { batchId: item.subjectId }, ...key(idempotencyKey) },
          body: decision(input) as { action: 'approve' | 'reject'; reason?: string },
        }),
      ),
    detail: (item) => <PayoutBatchDetail batchId={item.subjectId} />,
  },
  promotion: {
    actions: ['approve', 'reject', 'return'],
    act: personnelAct((requestId, body, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/promotion-requests/{requestId}/actions', {
          params: { path: { requestId }, ...key(idempotencyKey) },
          body,
        }),
      ),
    ),
    detail: (item) => <PromotionDetail requestId={item.subjectId} />,
  },
  'assessment-cycle-closing': {
    actions: ['approve', 'reject', 'return'],
    act: personnelAct((cycleId, body, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/assessment-cycles/{cycleId}/closing/actions', {
          params: { path: { cycleId }, ...key(idempotencyKey) },
          body,
        }),
      ),
    ),
    detail: (item) => <CycleDetail cycleId={item.subjectId} />,
  },
  'recruitment-hire': {
    actions: ['approve', 'reject', 'return'],
    act: personnelAct((postingId, body, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/recruitment-postings/{postingId}/hire-decision/actions', {
          params: { path: { postingId }, ...key(idempotencyKey) },
          body,
        }),
      ),
    ),
    detail: (item) => <PostingDetail postingId={item.subjectId} />,
  },
  'party-organisation-upgrade': {
    actions: ['approve', 'reject'],
    act: (item, input, idempotencyKey) =>
      unwrap(
        api.organization.POST('/party-organisation-upgrade-requests/{requestId}/actions', {
          params: { path: { requestId: item.subjectId }, ...key(idempotencyKey) },
          body: decision(input) as { action: 'approve' | 'reject'; reason?: string },
        }),
      ),
    detail: (item) => <UpgradeDetail requestId={item.subjectId} />,
  },
};
