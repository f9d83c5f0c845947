import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import { useCommand } from '../../api/use-command';
import { DossierLink } from '../dossier/dossier-link';
import { hasRole, useSession } from '../../session/session';
import { submissionQuery, useFollowSubmission } from './submission-queries';
import { SubmissionReview } from './submission-review';

/** One submission with its review timeline; its department amends and resubmits, withdraws, or reminds. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const { submissionId = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const submission = useQuery(submissionQuery(submissionId));
  // The page follows the review as it moves: a step opening, a decision, the task's funding, without a reload.
  useFollowSubmission(submissionId);
  const actOn = (body: { action: 'withdraw' | 'remind' }, idempotencyKey: string) =>
    unwrap(
      api.admission.POST('/submissions/{submissionId}/actions', {
        params: { path: { submissionId }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    );
  const invalidate = [['submission'], ['submissions'], ['inbox']];
  const withdraw = useCommand({ run: actOn, success: t('submission.withdrawn'), invalidate });
  const remind = useCommand({ run: actOn, success: t('actions.done'), invalidate });
  const submitter = hasRole(session, 'department-submitter');
  const status = submission.data?.status;
  const reviewing = status === 'in-review';

  return (
    <Card
      title={
        <Space wrap>
          <h1 style={{ fontSize: 18, margin: 0 }}>{submission.data?.title ?? t('submission.detail')}</h1>
          {status && status !== 'draft' && <DossierLink submissionId={submissionId} />}
        </Space>
      }
      extra={
        submitter &&
        submission.data && (
          <Space wrap>
            {(status === 'returned' || status === 'draft') && (
              <Button type="primary" onClick={() => void navigate(`/submissions/${submissionId}/edit`)}>
                {status === 'returned' ? t('submission.resubmit') : t('submission.editTitle')}
              </Button>
            )}
            {reviewing && (
              <Button onClick={() => remind.send({ action: 'remind' })} loading={remind.pending}>
                {t('actions.remind')}
              </Button>
            )}
            {(reviewing || status === 'returned') && (
              <Popconfirm
                title={t('submission.withdraw')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => withdraw.send({ action: 'withdraw' })}
              >
                <Button danger loading={withdraw.pending}>
                  {t('submission.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {submission.data ? <SubmissionReview submissionId={submissionId} /> : <Skeleton active />}
    </Card>
  );
}
