import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { Money } from '../../components/money';
import { hasRole, useSession } from '../../session/session';
import { useCommunities } from './people-data';

type Cycle = components['schemas']['CycleSummaryResponse'];
type OpenCycle = components['schemas']['OpenCycleRequest'];
const pageSize = 20;
const statusColor: Record<string, string> = { open: 'blue', 'awaiting-approval': 'orange', finalised: 'green' };

/** 考核评定: the monthly and annual cycles in scope with their bonus totals; HR opens a cycle for a community. */
export function CyclesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const communities = useCommunities();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<OpenCycle>();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const cycles = useQuery({
    queryKey: ['people', 'cycles', page],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/assessment-cycles', {
          params: { query: { offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const open = useCommand<OpenCycle, components['schemas']['CycleOpenedResponse']>({
    form,
    run: (body, idempotencyKey) =>
      unwrap(api.personnel.POST('/assessment-cycles', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    success: t('people.cycles.opened'),
    invalidate: [['people', 'cycles']],
    onSuccess: (result) => void navigate(`/people/cycles/${result.cycleId}`),
  });
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('people.cycles.title')}</h1>}
      extra={
        hasRole(session, 'hr-officer') && (
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('people.cycles.open')}
          </Button>
        )
      }
    >
      <Table<Cycle>
        rowKey="id"
        size="middle"
        loading={cycles.isFetching}
        dataSource={cycles.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: cycles.data?.total ?? 0,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (next: number) => setParams({ page: String(next) }),
        }}
        columns={[
          {
            title: t('people.cycles.period'),
            dataIndex: 'period',
            render: (period: string, cycle) => <Link to={`/people/cycles/${cycle.id}`}>{period}</Link>,
          },
          {
            title: t('people.cycles.kind'),
            dataIndex: 'kind',
            render: (kind: string) => t(`people.cycles.kinds.${kind}`),
          },
          {
            title: t('people.cycles.unit'),
            key: 'unit',
            render: (_, cycle) => (cycle.communityId ? communities.name(cycle.communityId) : cycle.streetCode),
          },
          { title: t('people.cycles.cohort'), dataIndex: 'cohortSize' },
          {
            title: t('people.cycles.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag color={statusColor[status]}>{t(`people.cycles.statuses.${status}`)}</Tag>,
          },
          { title: t('people.cycles.bonus'), dataIndex: 'totalBonusFen', render: (fen: number) => <Money fen={fen} /> },
        ]}
      />
      <Modal
        open={opening}
        title={t('people.cycles.open')}
        onCancel={() => setOpening(false)}
        okButtonProps={{ loading: open.pending }}
        onOk={() => void form.validateFields().then((values) => open.send(values))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'monthly' }}>
          <Form.Item name="kind" label={t('people.cycles.kind')} rules={[{ required: true }]}>
            <Select
              options={['monthly', 'annual'].map((kind) => ({ value: kind, label: t(`people.cycles.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('people.cycles.period')}
            extra={t('people.cycles.periodHint')}
            rules={[{ required: true }]}
          >
            <Input placeholder="2026-11" />
          </Form.Item>
          <Form.Item name="communityId" label={t('people.cycles.community')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={communities.items.map((community) => ({ value: community.id, label: community.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
