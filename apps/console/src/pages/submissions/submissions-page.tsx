import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/admission';
import { Money } from '../../components/money';
import { hasRole, useSession } from '../../session/session';

type Submission = components['schemas']['SubmissionResponse'];
const statuses = ['draft', 'in-review', 'returned', 'admitted', 'rejected', 'withdrawn', 'expired'] as const;
const statusColor: Record<string, string> = {
  draft: 'default',
  'in-review': 'blue',
  returned: 'orange',
  admitted: 'green',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'default',
};

/** 我的申报 (a department's submissions; the district's, for reviewers), newest first. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const status = params.get('status') as (typeof statuses)[number] | null;
  const pageSize = 20;
  const submissions = useQuery({
    queryKey: ['submissions', page, status],
    queryFn: () =>
      unwrap(
        api.admission.GET('/submissions', {
          params: { query: { offset: (page - 1) * pageSize, limit: pageSize, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const statusTag = (submission: Submission) => (
    <Tag color={statusColor[submission.status]}>{t(`submission.statuses.${submission.status}`)}</Tag>
  );
  const pagination = {
    current: page,
    pageSize,
    total: submissions.data?.total ?? 0,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (next: number) => setParams({ ...(status ? { status } : {}), page: String(next) }),
  };
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('submission.mine')}</h1>}
      extra={
        hasRole(session, 'department-submitter') && (
          <Button type="primary" onClick={() => void navigate('/submissions/new')}>
            {t('menu.newSubmission')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('submission.status')}
          placeholder={t('submission.status')}
          style={{ width: 160 }}
          value={status}
          onChange={(value?: string) => setParams(value ? { status: value } : {})}
          options={statuses.map((value) => ({ value, label: t(`submission.statuses.${value}`) }))}
        />
      </Space>
      {screens.md ? (
        <Table<Submission>
          rowKey="id"
          loading={submissions.isFetching}
          dataSource={submissions.data?.items ?? []}
          pagination={pagination}
          columns={[
            {
              title: t('submission.title'),
              dataIndex: 'title',
              render: (title: string, submission) => <Link to={`/submissions/${submission.id}`}>{title}</Link>,
            },
            { title: t('submission.status'), key: 'status', render: (_, submission) => statusTag(submission) },
            {
              title: t('submission.recurrence'),
              dataIndex: 'recurrence',
              render: (value: string) => t(`submission.recurrences.${value}`),
            },
            {
              title: t('submission.funding'),
              dataIndex: 'fundingPerCommunityFen',
              render: (fen: number) => <Money fen={fen} />,
            },
            {
              title: t('inbox.openedAt'),
              dataIndex: 'updatedAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      ) : (
        <List<Submission>
          dataSource={submissions.data?.items ?? []}
          pagination={{ ...pagination, simple: true }}
          renderItem={(submission) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/submissions/${submission.id}`}>{submission.title}</Link>}
                description={
                  <Space>
                    {statusTag(submission)}
                    <Typography.Text type="secondary">
                      {dayjs(submission.updatedAt).format('MM-DD HH:mm')}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
