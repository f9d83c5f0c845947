import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/organization';
import { api, unwrap } from '../../api/http';
import { useCommand } from '../../api/use-command';

type Row = components['schemas']['FacilityReportRowResponse'];
type Premises = components['schemas']['RecordFacilitiesRequest'];
const stations: Premises['stations'] = [
  'one-stop-centre',
  'health-station',
  'party-activity-room',
  'culture-station',
  'day-care-centre',
];

/** 场所达标: every community's office and service space against the district's standard (500 m² by default). */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const [streetCode, setStreetCode] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const [form] = Form.useForm<Premises>();
  const streets = useQuery({
    queryKey: ['organisation', 'streets'],
    queryFn: () => unwrap(api.organization.GET('/streets', { params: { query: { limit: 500 } } })),
  });
  const report = useQuery({
    queryKey: ['organisation', 'facilities', streetCode],
    queryFn: () =>
      unwrap(
        api.organization.GET('/reports/facilities', { params: { query: { streetCode: streetCode || undefined } } }),
      ),
  });
  const record = useCommand<Premises, unknown>({
    form,
    run: (body, key) =>
      unwrap(
        api.organization.PUT('/communities/{communityId}/facilities', {
          params: { path: { communityId: editing!.communityId }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    success: t('organisation.facilities.saved'),
    invalidate: [['organisation', 'facilities']],
    onSuccess: () => setEditing(null),
  });
  const standard = report.data?.standardAreaM2 ?? 500;

  return (
    <Card
      size="small"
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation.facilities.title')}</h1>}
      extra={
        <Select
          aria-label={t('organisation.facilities.street')}
          value={streetCode}
          onChange={setStreetCode}
          style={{ width: 180 }}
          options={[
            { value: '', label: t('dashboard.allStreets') },
            ...(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name })),
          ]}
        />
      }
    >
      {report.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('organisation.facilities.help', { standard, version: report.data.policyVersion })}
          </Typography.Text>
          <Typography.Text strong data-testid="facilities-totals">
            {t('organisation.facilities.totals', {
              meeting: report.data.totals.meetingStandard,
              communities: report.data.totals.communities,
              reported: report.data.totals.reported,
            })}
          </Typography.Text>
        </Space>
      )}
      <Table<Row>
        size="small"
        rowKey="communityId"
        loading={report.isFetching}
        dataSource={report.data?.communities ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(row) => ({ 'data-testid': `facility-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('organisation.facilities.community'), dataIndex: 'name' },
          { title: t('organisation.facilities.street'), dataIndex: 'streetCode' },
          {
            title: t('organisation.facilities.area'),
            dataIndex: 'totalAreaM2',
            align: 'right',
            render: (value: number | null) => value ?? '—',
          },
          {
            title: t('organisation.facilities.meets'),
            key: 'meets',
            render: (_, row) =>
              !row.reported ? (
                <Tag>{t('organisation.facilities.unreported')}</Tag>
              ) : row.meetsStandard ? (
                <Tag color="green">{t('organisation.facilities.meets')}</Tag>
              ) : (
                <Tag color="red" data-testid="facility-below">
                  {t('organisation.facilities.below')} ·{' '}
                  {t('organisation.facilities.shortfall', { m2: standard - (row.totalAreaM2 ?? 0) })}
                </Tag>
              ),
          },
          {
            title: t('organisation.facilities.stations'),
            key: 'stations',
            render: (_, row) => row.stations.map((s) => t(`organisation.facilities.stationNames.${s}`)).join('、'),
          },
          {
            title: '',
            key: 'record',
            render: (_, row) => (
              <Button
                size="small"
                onClick={() => {
                  form.resetFields();
                  setEditing(row);
                }}
              >
                {t('organisation.facilities.record')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={!!editing}
        title={`${t('organisation.facilities.record')} · ${editing?.name ?? ''}`}
        onClose={() => setEditing(null)}
        size={420}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ officeAreaM2: 0, serviceAreaM2: 0, stations: editing?.stations ?? [] }}
          onFinish={(values) => record.send(values)}
        >
          <Form.Item name="officeAreaM2" label={t('organisation.facilities.office')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="serviceAreaM2" label={t('organisation.facilities.service')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="stations" label={t('organisation.facilities.stations')}>
            <Select
              mode="multiple"
              options={stations.map((s) => ({ value: s, label: t(`organisation.facilities.stationNames.${s}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.pending}>
            {t('organisation.hierarchy.submit')}
          </Button>
        </Form>
      </Drawer>
    </Card>
  );
}
