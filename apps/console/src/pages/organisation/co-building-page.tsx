import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/organization';
import { api, unwrap } from '../../api/http';

type Unit = components['schemas']['ResidentUnitResponse'];
type Agreement = components['schemas']['AgreementResponse'];
type CommunityRow = components['schemas']['CoBuildingCommunityRowResponse'];
const pageSize = 20;

/** A server-paged list: the table asks the service for one page at a time. */
function usePaged<T>(
  key: string,
  communityId: string | undefined,
  fetch: (offset: number) => Promise<{ items: T[]; total: number }>,
) {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['organisation', key, communityId, page],
    queryFn: () => fetch((page - 1) * pageSize),
  });
  return {
    query,
    pagination: { current: page, pageSize, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false },
  };
}

/** 共驻共建: resident units, alliance members, agreements with their service projects, joint meetings. */
export function CoBuildingPage() {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const communities = useQuery({
    queryKey: ['organisation', 'communities'],
    queryFn: () => unwrap(api.organization.GET('/communities', { params: { query: { limit: 500 } } })),
  });
  const report = useQuery({
    queryKey: ['organisation', 'co-building-report'],
    queryFn: () => unwrap(api.organization.GET('/reports/co-building', { params: { query: {} } })),
  });
  const units = usePaged<Unit>('resident-units', communityId, (offset) =>
    unwrap(api.organization.GET('/resident-units', { params: { query: { offset, limit: pageSize, communityId } } })),
  );
  const agreements = usePaged<Agreement>('agreements', communityId, (offset) =>
    unwrap(api.organization.GET('/agreements', { params: { query: { offset, limit: pageSize, communityId } } })),
  );
  const community = useQuery({
    queryKey: ['organisation', 'community-co-building', communityId],
    enabled: !!communityId,
    queryFn: () =>
      unwrap(
        api.organization.GET('/communities/{communityId}/co-building', {
          params: { path: { communityId: communityId! } },
        }),
      ),
  });
  const totals = report.data?.totals;

  return (
    <Card
      size="small"
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation.coBuilding.title')}</h1>}
      extra={
        <Select
          allowClear
          aria-label={t('organisation.coBuilding.community')}
          placeholder={t('organisation.coBuilding.community')}
          value={communityId}
          onChange={setCommunityId}
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      }
    >
      {totals && (
        <Typography.Paragraph strong data-testid="co-building-totals">
          {t('organisation.coBuilding.totals', {
            units: totals.residentUnits,
            members: totals.allianceMembers,
            agreements: totals.activeAgreements,
            projects: totals.communityProjects + totals.unitProjects,
            meetings: totals.meetingsHeld,
          })}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'report',
            label: t('organisation.coBuilding.report'),
            children: (
              <Table<CommunityRow>
                size="small"
                rowKey="communityId"
                loading={report.isFetching}
                dataSource={report.data?.communities ?? []}
                pagination={{ pageSize, hideOnSinglePage: true }}
                columns={[
                  { title: t('organisation.coBuilding.community'), dataIndex: 'name' },
                  { title: t('organisation.coBuilding.units'), dataIndex: 'residentUnits', align: 'right' },
                  { title: t('organisation.coBuilding.alliance'), dataIndex: 'allianceMembers', align: 'right' },
                  { title: t('organisation.coBuilding.inForce'), dataIndex: 'activeAgreements', align: 'right' },
                  {
                    title: t('organisation.coBuilding.projects'),
                    key: 'projects',
                    align: 'right',
                    render: (_, row) => row.communityProjects + row.unitProjects,
                  },
                  { title: t('organisation.coBuilding.meetings'), dataIndex: 'meetingsHeld', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'units',
            label: t('organisation.coBuilding.units'),
            children: (
              <Table<Unit>
                size="small"
                rowKey="id"
                loading={units.query.isFetching}
                dataSource={units.query.data?.items ?? []}
                pagination={units.pagination}
                columns={[
                  { title: t('organisation.coBuilding.unitCode'), dataIndex: 'code' },
                  { title: t('organisation.coBuilding.unitName'), dataIndex: 'name' },
                  {
                    title: t('organisation.coBuilding.unitKind'),
                    dataIndex: 'kind',
                    render: (kind: string) => <Tag>{kind}</Tag>,
                  },
                  { title: t('organisation.coBuilding.community'), dataIndex: 'communityCode' },
                  { title: t('organisation.party.members'), dataIndex: 'partyMemberCount', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'agreements',
            label: t('organisation.coBuilding.agreements'),
            children: (
              <Table<Agreement>
                size="small"
                rowKey="id"
                loading={agreements.query.isFetching}
                dataSource={agreements.query.data?.items ?? []}
                pagination={agreements.pagination}
                expandable={{
                  expandedRowRender: (agreement) => (
                    <List
                      size="small"
                      header={t('organisation.coBuilding.projects')}
                      dataSource={agreement.projects}
                      renderItem={(project) => (
                        <List.Item>
                          <Tag color={project.committedBy === 'unit' ? 'blue' : 'green'}>
                            {project.committedBy === 'unit'
                              ? t('organisation.coBuilding.byUnit')
                              : t('organisation.coBuilding.byCommunity')}
                          </Tag>
                          {project.title}
                          {project.description && (
                            <Typography.Text type="secondary"> · {project.description}</Typography.Text>
                          )}
                        </List.Item>
                      )}
                    />
                  ),
                }}
                columns={[
                  { title: t('organisation.coBuilding.agreementCode'), dataIndex: 'code' },
                  { title: t('organisation.coBuilding.community'), dataIndex: 'communityCode' },
                  { title: t('organisation.coBuilding.unitName'), dataIndex: 'residentUnitName' },
                  {
                    title: t('organisation.coBuilding.term'),
                    key: 'term',
                    render: (_, row) => `${row.startsOn} ~ ${row.endsOn}`,
                  },
                  {
                    title: t('organisation.coBuilding.projects'),
                    key: 'projects',
                    align: 'right',
                    render: (_, row) => row.projects.length,
                  },
                ]}
              />
            ),
          },
          {
            key: 'meetings',
            label: t('organisation.coBuilding.meetings'),
            children: !communityId ? (
              <Empty description={t('organisation.coBuilding.pickCommunity')} />
            ) : (
              <List
                loading={community.isFetching}
                dataSource={community.data?.meetings ?? []}
                locale={{ emptyText: t('organisation.coBuilding.noMeetings') }}
                renderItem={(meeting) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>
                        {meeting.heldOn} · {meeting.topic}
                      </Typography.Text>
                      <span>
                        {meeting.attendance
                          .map(
                            (a) =>
                              `${a.residentUnitName}${a.present ? '' : `（${t('organisation.coBuilding.absent')}）`}`,
                          )
                          .join('、')}
                      </span>
                      {meeting.resolutions.map((resolution) => (
                        <Typography.Text key={resolution} type="secondary">
                          · {resolution}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
