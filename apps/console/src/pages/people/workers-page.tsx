import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { hasRole, useSession } from '../../session/session';
import { ImportWorkers } from './import-workers';
import { useCareerTracks, useCommunities } from './people-data';

type Worker = components['schemas']['WorkerResponse'];
const pageSize = 20;

/** 社区工作者: the workers in the user's scope, paged and filtered on the server. */
export function WorkersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const communities = useCommunities();
  const { tracks, stepName } = useCareerTracks();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filter = {
    q: params.get('q') ?? undefined,
    communityId: params.get('communityId') ?? undefined,
    postStep: params.get('postStep') ?? undefined,
    titleStep: params.get('titleStep') ?? undefined,
  };
  const workers = useQuery({
    queryKey: ['people', 'workers', page, filter],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/workers', {
          params: {
            query: {
              offset: (page - 1) * pageSize,
              limit: pageSize,
              ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const stepOptions = (trackCode: string) =>
    (tracks.find((track) => track.code === trackCode)?.steps ?? []).map((step) => ({
      value: step.code,
      label: step.name,
    }));

  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('people.workers.title')}</h1>}
      extra={
        hasRole(session, 'hr-officer') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-workers">
            {t('people.workers.import')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('people.workers.search')}
          placeholder={t('people.workers.search')}
          defaultValue={filter.q}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('people.workers.community')}
          placeholder={t('people.workers.allCommunities')}
          style={{ width: 200 }}
          value={filter.communityId}
          onChange={(value?: string) => setFilter('communityId', value)}
          options={communities.items.map((community) => ({ value: community.id, label: community.name }))}
        />
        <Select
          allowClear
          aria-label={t('people.workers.postStep')}
          placeholder={t('people.workers.postStep')}
          style={{ width: 180 }}
          value={filter.postStep}
          onChange={(value?: string) => setFilter('postStep', value)}
          options={stepOptions('post')}
        />
        <Select
          allowClear
          aria-label={t('people.workers.titleStep')}
          placeholder={t('people.workers.titleStep')}
          style={{ width: 180 }}
          value={filter.titleStep}
          onChange={(value?: string) => setFilter('titleStep', value)}
          options={stepOptions('professional')}
        />
      </Space>
      <Table<Worker>
        rowKey="id"
        size="middle"
        loading={workers.isFetching}
        dataSource={workers.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: workers.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (next: number) => {
            const nextParams = new URLSearchParams(params);
            nextParams.set('page', String(next));
            setParams(nextParams);
          },
        }}
        columns={[
          { title: t('people.workers.employeeNo'), dataIndex: 'employeeNo', width: 110 },
          {
            title: t('people.workers.name'),
            dataIndex: 'name',
            render: (name: string, worker) => <Link to={`/people/workers/${worker.id}`}>{name}</Link>,
          },
          { title: t('people.workers.community'), dataIndex: 'communityId', render: communities.name },
          {
            title: t('people.workers.postStep'),
            key: 'post',
            render: (_, worker) => stepName('post', worker.postStep),
          },
          {
            title: t('people.workers.titleStep'),
            key: 'title',
            render: (_, worker) => stepName('professional', worker.titleStep),
          },
          {
            title: t('people.workers.education'),
            dataIndex: 'education',
            render: (level: string) => t(`people.education.${level}`, { defaultValue: level }),
          },
          {
            title: t('people.workers.partyMember'),
            dataIndex: 'partyMember',
            render: (member: boolean) =>
              member ? <Tag color="red">{t('people.workers.yes')}</Tag> : t('people.workers.no'),
          },
          { title: t('people.workers.hireDate'), dataIndex: 'hireDate', width: 120 },
        ]}
      />
      <ImportWorkers open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
