import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { hasRole, useSession } from '../../session/session';
import { useCommunities } from './people-data';

type Posting = components['schemas']['PostingSummaryResponse'];
type OpenPosting = components['schemas']['OpenPostingRequest'];
const pageSize = 20;

/** 公开招聘: the district's recruitments with the stage each is at; HR publishes one with places per community. */
export function RecruitmentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const communities = useCommunities();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<OpenPosting>();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const postings = useQuery({
    queryKey: ['people', 'postings', page],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/recruitment-postings', {
          params: { query: { offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const open = useCommand<OpenPosting, components['schemas']['PostingOpenedResponse']>({
    form,
    run: (body, idempotencyKey) =>
      unwrap(api.personnel.POST('/recruitment-postings', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    success: t('people.recruitment.opened'),
    invalidate: [['people', 'postings']],
    onSuccess: (result) => void navigate(`/people/recruitment/${result.postingId}`),
  });
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('people.recruitment.title')}</h1>}
      extra={
        hasRole(session, 'hr-officer') && (
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('people.recruitment.open')}
          </Button>
        )
      }
    >
      <Table<Posting>
        rowKey="id"
        loading={postings.isFetching}
        dataSource={postings.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: postings.data?.total ?? 0,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (next: number) => setParams({ page: String(next) }),
        }}
        columns={[
          {
            title: t('people.recruitment.name'),
            dataIndex: 'title',
            render: (title: string, posting) => <Link to={`/people/recruitment/${posting.id}`}>{title}</Link>,
          },
          {
            title: t('people.recruitment.stage'),
            dataIndex: 'status',
            render: (status: string) => <Tag color="blue">{t(`people.recruitment.stages.${status}`)}</Tag>,
          },
          { title: t('people.recruitment.places'), dataIndex: 'places' },
          { title: t('people.recruitment.applications'), dataIndex: 'applications' },
          { title: t('people.recruitment.inTheRunning'), dataIndex: 'inTheRunning' },
          {
            title: t('inbox.openedAt', { defaultValue: '' }),
            dataIndex: 'openedAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
          },
        ]}
      />
      <Modal
        open={opening}
        title={t('people.recruitment.open')}
        width={640}
        onCancel={() => setOpening(false)}
        okButtonProps={{ loading: open.pending }}
        onOk={() => void form.validateFields().then((values) => open.send(values))}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ writtenPassMark: 60, interviewPassMark: 60, writtenWeightPercent: 50, places: [{}] }}
        >
          <Form.Item name="title" label={t('people.recruitment.name')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="writtenPassMark"
              label={t('people.recruitment.writtenPassMark')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} step={0.5} />
            </Form.Item>
            <Form.Item
              name="interviewPassMark"
              label={t('people.recruitment.interviewPassMark')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} step={0.5} />
            </Form.Item>
            <Form.Item
              name="writtenWeightPercent"
              label={t('people.recruitment.writtenWeight')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
          <Form.List name="places">
            {(fields, { add, remove }) => (
              <Form.Item label={t('people.recruitment.placesOf')}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'communityId']} rules={[{ required: true }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        aria-label={t('people.cycles.community')}
                        style={{ width: 220 }}
                        options={communities.items.map((community) => ({ value: community.id, label: community.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'places']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} aria-label={t('people.recruitment.places')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('people.recruitment.addPlace')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
