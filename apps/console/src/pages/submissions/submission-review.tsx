import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Progress, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fromTable } from '../../api/problem-messages';
import { Money, yuan } from '../../components/money';
import { AttachmentLinks } from './attachments';
import { directoryQuery, historyQuery, submissionQuery } from './submission-queries';
import { useUserNames } from '../../api/use-user-names';

const severityColor = { return: 'orange', reject: 'red', flag: 'blue' } as const;

/**
 * A submission as a reviewer needs it: its content, the pre-check, the catalogue item and its funding standard,
 * the consultation's progress with the communities' opinions, and the audit trail.
 */
export function SubmissionReview({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const submission = useQuery(submissionQuery(submissionId));
  const history = useQuery(historyQuery(submissionId));
  const nameOf = useUserNames((history.data?.audit ?? []).map((entry) => entry.actorId));
  const directory = useQuery(directoryQuery);
  if (!submission.data) return <Skeleton active />;
  const data = submission.data;
  const item = data.catalogueItem;
  const funding = data.funding;
  const communityName = (id: string) => directory.data?.items.find((entry) => entry.communityId === id)?.name ?? id;
  const precheck = data.review?.precheck ?? data.precheck;
  const round = data.round;
  const consultation = data.consultation;
  const target =
    data.target.mode === 'all'
      ? t('submission.targetModes.all')
      : data.target.mode === 'street'
        ? `${t('submission.targetModes.street')} ${data.target.streetCode ?? ''}`
        : (data.target.communityIds ?? []).map(communityName).join('、');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered title={t('submission.detail')}>
        <Descriptions.Item label={t('submission.status')}>
          <Tag color="blue" data-testid="submission-status">
            {t(`submission.statuses.${data.review?.status ?? data.status}`, {
              defaultValue: data.review?.status ?? data.status,
            })}
          </Tag>
          {t('submission.round', { round })}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.title')}>{data.title}</Descriptions.Item>
        <Descriptions.Item label={t('submission.description')}>{data.description}</Descriptions.Item>
        <Descriptions.Item label={t('submission.catalogueItem')}>
          {item ? `${item.code} ${item.name}（${item.category}）` : (data.catalogueItemCode ?? t('common.none'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.legalBasis')}>
          {data.legalBasis ?? item?.legalBasis ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.target')}>{target}</Descriptions.Item>
        <Descriptions.Item label={t('submission.recurrence')}>
          {t(`submission.recurrences.${data.recurrence}`)}
          {data.fundingPeriod ? ` · ${t(`submission.fundingPeriods.${data.fundingPeriod}`)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.period')}>
          {data.periodStart} ~ {data.periodEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.ledgers')}>
          {data.requiredLedgers.length ? data.requiredLedgers.join('、') : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.evaluation')}>{data.evaluation ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('submission.fundingVsStandard')}>
          <Space wrap>
            <Money fen={funding.fundingPerCommunityFen} />
            {funding.standardFen !== null && (
              <Typography.Text type="secondary">
                {t('submission.catalogueStandard', { amount: (funding.standardFen / 100).toLocaleString() })}
              </Typography.Text>
            )}
            {funding.meetsStandard === false && <Tag color="red">{t('submission.belowStandard')}</Tag>}
            {funding.meetsStandard === true && <Tag color="green">{t('submission.atStandard')}</Tag>}
            {funding.unfunded && <Tag>{t('submission.unfunded')}</Tag>}
            {funding.totalFen !== null && (
              <Typography.Text type="secondary">
                {t('submission.fundingTotal', { count: funding.communityCount ?? 0, total: yuan(funding.totalFen) })}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('submission.attachments')}>
          <AttachmentLinks submissionId={submissionId} />
        </Descriptions.Item>
        {data.outcomeReason && <Descriptions.Item label={t('actions.reason')}>{data.outcomeReason}</Descriptions.Item>}
      </Descriptions>

      {precheck && (
        <div>
          <Typography.Title level={5}>{t('submission.precheck')}</Typography.Title>
          {precheck.findings.length === 0 ? (
            <Alert type="success" showIcon title={t('submission.precheckPassed')} />
          ) : (
            precheck.findings.map((finding) => (
              <Alert
                key={finding.code}
                style={{ marginBottom: 4 }}
                type={finding.severity === 'flag' ? 'info' : finding.severity === 'reject' ? 'error' : 'warning'}
                showIcon
                title={
                  <Space>
                    <Tag color={severityColor[finding.severity]}>{t(`submission.severities.${finding.severity}`)}</Tag>
                    {fromTable(t, 'precheckRules', finding.code) ?? finding.message}
                  </Space>
                }
              />
            ))
          )}
          {precheck.budget && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('submission.budgetLine', {
                year: precheck.budget.year,
                available: yuan(precheck.budget.availableFen),
                required: yuan(precheck.budget.requiredFen),
              })}
            </Typography.Paragraph>
          )}
        </div>
      )}

      {consultation && (
        <div>
          <Typography.Title level={5}>{t('submission.consultation')}</Typography.Title>
          <Progress
            percent={Math.round((consultation.answered / Math.max(consultation.communityCount, 1)) * 100)}
            format={() =>
              t('submission.answered', { answered: consultation.answered, total: consultation.communityCount })
            }
          />
          <Table
            size="small"
            pagination={false}
            rowKey="slotId"
            dataSource={consultation.opinions}
            columns={[
              {
                title: t('community.community'),
                dataIndex: 'communityId',
                render: (communityId: string) => communityName(communityId),
              },
              {
                title: t('actions.comment'),
                key: 'opinion',
                render: (_, opinion) =>
                  opinion.answered ? (
                    <Space wrap>
                      <Tag color={opinion.decision === 'approve' ? 'green' : 'red'}>
                        {opinion.decision === 'approve'
                          ? t('actions.approveConsultation')
                          : t('actions.objectConsultation')}
                      </Tag>
                      {opinion.comment ?? opinion.reason}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('submission.notAnswered')}</Typography.Text>
                  ),
              },
            ]}
          />
        </div>
      )}

      <div>
        <Typography.Title level={5}>{t('submission.audit')}</Typography.Title>
        <Timeline
          items={(history.data?.audit ?? []).map((entry) => ({
            color: entry.action === 'reject' ? 'red' : entry.action === 'return' ? 'orange' : 'blue',
            children: (
              <div>
                <Typography.Text strong>
                  {entry.stepName} · {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {entry.actorId === 'system' ? t('audit.system') : nameOf(entry.actorId)}
                    {entry.actorRole
                      ? `（${t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}）`
                      : ''} · {dayjs(entry.occurredAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </div>
                {(entry.reason ?? entry.comment) && <div>{entry.reason ?? entry.comment}</div>}
              </div>
            ),
          }))}
        />
      </div>
    </Space>
  );
}
