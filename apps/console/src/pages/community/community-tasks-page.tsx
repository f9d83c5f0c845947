import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/admission';
import { useCommand } from '../../api/use-command';
import { useFollowChanges } from '../../api/use-follow-changes';
import { Money } from '../../components/money';
import { DossierLink } from '../dossier/dossier-link';
import { useMyCommunity } from './my-community';

type CommunityTask = components['schemas']['CommunityTaskResponse'];

/** The community's task list: only work admitted and funded (费随事转); the secretary marks it done. */
export function CommunityTasksPage() {
  const { t } = useTranslation();
  const { communityId, communityName, picker } = useMyCommunity();
  const tasks = useQuery({
    queryKey: ['community-tasks', communityId],
    enabled: !!communityId,
    queryFn: () =>
      unwrap(
        api.admission.GET('/communities/{communityId}/tasks', {
          params: { path: { communityId: communityId! }, query: { offset: 0, limit: 100 } },
        }),
      ),
  });
  // Work dispatched to the community appears while the list is open, without a reload.
  useFollowChanges(['community-tasks', communityId], `/communities/${communityId}/tasks?offset=0&limit=100`, {
    service: 'admission',
    enabled: !!communityId,
  });
  const done = useCommand<{ taskId: string }, unknown>({
    run: ({ taskId }, idempotencyKey) =>
      unwrap(
        api.admission.POST('/communities/{communityId}/tasks/{taskId}/done', {
          params: { path: { communityId: communityId!, taskId }, header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    success: t('community.markedDone'),
    invalidate: [['community-tasks']],
  });

  if (!communityId) return <Empty description={t('community.noCommunity')} />;
  return (
    <Card
      size="small"
      title={
        <h1 style={{ fontSize: 18, margin: 0 }}>
          {t('community.tasksTitle')} · {communityName}
        </h1>
      }
      extra={picker}
    >
      <Typography.Paragraph type="secondary">{t('community.tasksHelp')}</Typography.Paragraph>
      <List<CommunityTask>
        loading={tasks.isFetching}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: t('inbox.empty') }}
        renderItem={(task) => (
          <List.Item
            data-testid="community-task"
            actions={
              task.status === 'done'
                ? [
                    <Tag key="done" color="green">
                      {t('common.done')}
                    </Tag>,
                  ]
                : [
                    <Popconfirm
                      key="done"
                      title={t('community.markDone')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => done.send({ taskId: task.taskId })}
                    >
                      <Button type="primary" size="small" loading={done.pending}>
                        {t('community.markDone')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {task.title} <DossierLink taskId={task.taskId} />
                </span>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>
                    {t(`submission.recurrences.${task.recurrence}`)} · {task.periodStart} ~ {task.periodEnd}
                  </span>
                  <span>
                    {t('community.funding')} <Money fen={task.amountFen} />
                  </span>
                  {task.requiredLedgers.length > 0 && (
                    <span>
                      {t('submission.ledgers')}：{task.requiredLedgers.join('、')}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
