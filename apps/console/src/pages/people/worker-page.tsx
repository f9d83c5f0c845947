import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { Money } from '../../components/money';
import { hasRole, useSession } from '../../session/session';
import { CareerPath } from './career-path';
import { gradeColor, useCareerTracks, useCommunities } from './people-data';

type Change = components['schemas']['WorkerChangeResponse'];
type WorkerGrade = components['schemas']['WorkerGradeResponse'];
const pageSize = 10;

function GradesTab({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const grades = useQuery({
    queryKey: ['people', 'worker-grades', workerId, page],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/workers/{workerId}/grades', {
          params: { path: { workerId }, query: { offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
  });
  return (
    <Table<WorkerGrade>
      rowKey="cycleId"
      size="small"
      loading={grades.isFetching}
      dataSource={grades.data?.items ?? []}
      pagination={{ current: page, pageSize, total: grades.data?.total ?? 0, onChange: setPage }}
      columns={[
        {
          title: t('people.cycles.period'),
          dataIndex: 'period',
          render: (period: string, grade) => <Link to={`/people/cycles/${grade.cycleId}`}>{period}</Link>,
        },
        {
          title: t('people.cycles.kind'),
          dataIndex: 'kind',
          render: (kind: string) => t(`people.cycles.kinds.${kind}`),
        },
        {
          title: t('people.cycles.grade'),
          dataIndex: 'grade',
          render: (grade: string | null) =>
            grade ? <Tag color={gradeColor[grade]}>{t(`people.grades.${grade}`)}</Tag> : t('people.grades.ungraded'),
        },
        { title: t('people.cycles.bonus'), dataIndex: 'bonusFen', render: (fen: number | null) => <Money fen={fen} /> },
        {
          title: t('people.cycles.status'),
          dataIndex: 'status',
          render: (status: string) => t(`people.cycles.statuses.${status}`),
        },
      ]}
    />
  );
}

function HistoryTab({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['people', 'worker-history', workerId, page],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/workers/{workerId}/history', {
          params: { path: { workerId }, query: { offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
  });
  return (
    <Table<Change>
      rowKey="id"
      size="small"
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      pagination={{ current: page, pageSize, total: history.data?.total ?? 0, onChange: setPage }}
      columns={[
        {
          title: t('people.profile.changedAt'),
          dataIndex: 'changedAt',
          width: 150,
          render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: t('people.profile.change'),
          key: 'change',
          render: (_, change) => (
            <Space direction="vertical" size={0}>
              <Tag>{t(`people.profile.kinds.${change.kind}`, { defaultValue: change.kind })}</Tag>
              {Object.entries(change.changes)
                .slice(0, 6)
                .map(([field, { from, to }]) => (
                  <Typography.Text key={field} type="secondary" style={{ fontSize: 12 }}>
                    {field}: {from === null || from === undefined ? '—' : JSON.stringify(from)} → {JSON.stringify(to)}
                  </Typography.Text>
                ))}
            </Space>
          ),
        },
        { title: t('people.profile.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

function HonoursTab({
  workerId,
  honours,
}: {
  workerId: string;
  honours: components['schemas']['WorkerHonourResponse'][];
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<components['schemas']['AwardHonourRequest']>();
  const award = useCommand<components['schemas']['AwardHonourRequest'], components['schemas']['HonourAwardedResponse']>(
    {
      form,
      run: (body, idempotencyKey) =>
        unwrap(
          api.personnel.POST('/workers/{workerId}/honours', {
            params: { path: { workerId } },
            body,
            headers: { 'Idempotency-Key': idempotencyKey },
          }),
        ),
      success: t('people.honours.awarded'),
      invalidate: [['people', 'worker', workerId]],
      onSuccess: () => form.resetFields(),
    },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="awardId"
        size="small"
        pagination={false}
        dataSource={honours}
        columns={[
          { title: t('people.honours.year'), dataIndex: 'year', width: 90 },
          {
            title: t('people.honours.level'),
            dataIndex: 'level',
            width: 100,
            render: (level: string) => t(`people.honours.levels.${level}`),
          },
          { title: t('people.honours.title'), dataIndex: 'title' },
        ]}
      />
      {hasRole(session, 'hr-officer') && (
        <Card size="small" title={t('people.honours.award')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ level: 'city', year: new Date().getFullYear() }}
            onFinish={(values) => award.send(values)}
          >
            <Form.Item name="level" label={t('people.honours.level')} rules={[{ required: true }]}>
              <Select
                style={{ width: 110 }}
                options={['national', 'provincial', 'city'].map((level) => ({
                  value: level,
                  label: t(`people.honours.levels.${level}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('people.honours.title')} rules={[{ required: true, max: 200 }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="year" label={t('people.honours.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item
              name="conferredBy"
              label={t('people.honours.conferredBy')}
              rules={[{ required: true, max: 200 }]}
            >
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={award.pending}>
              {t('common.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** A worker's profile: record, career on both tracks, assessments, training, honours and every change. */
export function WorkerPage() {
  const { t } = useTranslation();
  const { workerId = '' } = useParams();
  const communities = useCommunities();
  const { stepName } = useCareerTracks();
  const worker = useQuery({
    queryKey: ['people', 'worker', workerId],
    queryFn: () => unwrap(api.personnel.GET('/workers/{workerId}', { params: { path: { workerId } } })),
  });
  const data = worker.data;
  return (
    <Card
      loading={worker.isLoading}
      title={
        <h1 style={{ fontSize: 18, margin: 0 }}>
          {data ? `${data.name} · ${data.employeeNo}` : t('people.workers.title')}
        </h1>
      }
    >
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('people.workers.community')}>
              {communities.name(data.communityId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.workers.postStep')}>
              {stepName('post', data.postStep)}（{data.postSince}）
            </Descriptions.Item>
            <Descriptions.Item label={t('people.workers.titleStep')}>
              {stepName('professional', data.titleStep)}（{data.titleSince}）
            </Descriptions.Item>
            <Descriptions.Item label={t('people.workers.education')}>
              {t(`people.education.${data.education}`, { defaultValue: data.education })}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.workers.partyMember')}>
              {data.partyMember ? t('people.workers.yes') : t('people.workers.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.workers.hireDate')}>{data.hireDate}</Descriptions.Item>
            <Descriptions.Item label={t('people.workers.certificates')}>
              {data.certificates.length ? data.certificates.map((code) => <Tag key={code}>{code}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.profile.partyOrganisation')}>
              {data.partyOrganisation.kindName}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            defaultActiveKey="career"
            items={[
              { key: 'career', label: t('people.profile.career'), children: <CareerPath workerId={workerId} /> },
              { key: 'grades', label: t('people.profile.grades'), children: <GradesTab workerId={workerId} /> },
              {
                key: 'trainings',
                label: t('people.profile.trainings'),
                children: (
                  <Table
                    rowKey={(training) => `${training.course}-${training.completedOn}`}
                    size="small"
                    pagination={false}
                    dataSource={data.trainings}
                    columns={[
                      { title: t('people.profile.course'), dataIndex: 'course' },
                      { title: t('people.profile.hours'), dataIndex: 'hours', width: 90 },
                      { title: t('people.profile.completedOn'), dataIndex: 'completedOn', width: 130 },
                    ]}
                  />
                ),
              },
              {
                key: 'honours',
                label: t('people.profile.honours'),
                children: <HonoursTab workerId={workerId} honours={data.honours} />,
              },
              { key: 'history', label: t('people.profile.history'), children: <HistoryTab workerId={workerId} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
