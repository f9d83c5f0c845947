import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/organization';
import { api, unwrap } from '../../api/http';
import { toProblem } from '../../api/problem';
import { problemMessage } from '../../api/problem-messages';
import { useCommand } from '../../api/use-command';

type Row = components['schemas']['PartyOrganisationReportRowResponse'];
type Kind = 'branch' | 'general-branch' | 'committee';
type UpgradeKind = Exclude<Kind, 'branch'>;
const upgradeKinds: UpgradeKind[] = ['general-branch', 'committee'];

/**
 * 社区党组织: each community's organisation with its kind and members, the kinds counted, and the two things the
 * organisation admin does here: record the membership and request an upgrade (decided in the workbench).
 */
export function PartyOrganisationsPage() {
  const { t } = useTranslation();
  const [streetCode, setStreetCode] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const [membershipForm] = Form.useForm<{ memberCount: number }>();
  const [upgradeForm] = Form.useForm<{ toKind: UpgradeKind }>();
  const streets = useQuery({
    queryKey: ['organisation', 'streets'],
    queryFn: () => unwrap(api.organization.GET('/streets', { params: { query: { limit: 500 } } })),
  });
  const report = useQuery({
    queryKey: ['organisation', 'party-organisations', streetCode],
    queryFn: () =>
      unwrap(
        api.organization.GET('/reports/party-organisations', {
          params: { query: { streetCode: streetCode || undefined } },
        }),
      ),
  });
  const membership = useCommand<{ memberCount: number }, unknown>({
    form: membershipForm,
    run: (body, key) =>
      unwrap(
        api.organization.PUT('/communities/{communityId}/party-organisation/membership', {
          params: { path: { communityId: editing!.communityId }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    success: t('organisation.party.membershipSaved'),
    invalidate: [['organisation', 'party-organisations']],
  });
  const upgrade = useCommand<{ toKind: UpgradeKind }, unknown>({
    form: upgradeForm,
    run: async (body, key) => {
      try {
        return await unwrap(
          api.organization.POST('/communities/{communityId}/party-organisation/upgrade-requests', {
            params: { path: { communityId: editing!.communityId }, header: { 'Idempotency-Key': key } },
            body,
          }),
        );
      } catch (error) {
        // The refusal concerns the kind asked for: shown beside it.
        const problem = toProblem(error);
        if (problem.code?.startsWith('party-organisation.') && !problem.errors?.length) {
          upgradeForm.setFields([{ name: 'toKind', errors: [problemMessage(problem, t)] }]);
        }
        throw error;
      }
    },
    success: t('organisation.party.upgradeRequested'),
    invalidate: [['organisation', 'party-organisations']],
    onSuccess: () => setEditing(null),
  });
  const totals = report.data?.totals;

  return (
    <Card
      size="small"
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation.party.title')}</h1>}
      extra={
        <Select
          aria-label={t('organisation.party.street')}
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
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('organisation.party.help')}</Typography.Text>
        {totals && (
          <Typography.Text strong data-testid="party-totals">
            {t('organisation.party.totals', {
              branch: totals.byKind.branch,
              generalBranch: totals.byKind['general-branch'],
              committee: totals.byKind.committee,
              members: totals.members,
            })}
          </Typography.Text>
        )}
        <Table<Row>
          size="small"
          rowKey="communityId"
          loading={report.isFetching}
          dataSource={report.data?.communities ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('organisation.party.community'), dataIndex: 'name' },
            { title: t('organisation.party.street'), dataIndex: 'streetCode' },
            {
              title: t('organisation.party.kind'),
              dataIndex: 'kind',
              render: (kind: Kind) => <Tag color="red">{t(`organisation.party.kinds.${kind}`)}</Tag>,
            },
            { title: t('organisation.party.members'), dataIndex: 'memberCount', align: 'right' },
            {
              title: t('organisation.party.secretary'),
              dataIndex: 'secretaryName',
              render: (name: string | null) => name ?? t('organisation.party.none'),
            },
            {
              title: t('organisation.party.pending'),
              key: 'pending',
              render: (_, row) =>
                row.pendingUpgradeToKind ? (
                  <Tag color="orange">
                    {t('organisation.party.awaiting', {
                      kind: t(`organisation.party.kinds.${row.pendingUpgradeToKind}`),
                    })}
                  </Tag>
                ) : (
                  t('organisation.party.none')
                ),
            },
            {
              title: '',
              key: 'act',
              render: (_, row) => (
                <Button
                  size="small"
                  onClick={() => {
                    membershipForm.setFieldsValue({ memberCount: row.memberCount });
                    upgradeForm.resetFields();
                    setEditing(row);
                  }}
                >
                  {t('organisation.party.setMembers')} / {t('organisation.party.requestUpgrade')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      <Drawer open={!!editing} title={editing?.name} onClose={() => setEditing(null)} size={420}>
        <Form form={membershipForm} layout="vertical" onFinish={(values) => membership.send(values)}>
          <Form.Item name="memberCount" label={t('organisation.party.members')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Button htmlType="submit" loading={membership.pending}>
            {t('organisation.party.setMembers')}
          </Button>
        </Form>
        <Form
          form={upgradeForm}
          layout="vertical"
          style={{ marginTop: 24 }}
          onFinish={(values) => upgrade.send(values)}
        >
          <Form.Item name="toKind" label={t('organisation.party.toKind')} rules={[{ required: true }]}>
            <Select
              options={upgradeKinds.map((kind) => ({ value: kind, label: t(`organisation.party.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={upgrade.pending}
            disabled={!!editing?.pendingUpgradeRequestId}
          >
            {t('organisation.party.requestUpgrade')}
          </Button>
        </Form>
      </Drawer>
    </Card>
  );
}
