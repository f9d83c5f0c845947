import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Drawer, Grid, Input, List, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { gateway, type InboxItem, type InboxView } from '../../api/gateway';
import { Deadline } from '../../components/deadline';
import { useServiceStatus } from '../../session/service-status';
import { ApprovalActions } from './approval-actions';
import { subjectKinds, useSubjectMovedOn } from './subjects';

const views: InboxView[] = ['todo', 'done', 'cc'];

/** 工作台: one 待办/已办/抄送 list across the four services, each item opened in place. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const view = (views.includes(params.get('view') as InboxView) ? params.get('view') : 'todo') as InboxView;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const overdue = params.get('overdue') === 'true';
  const q = params.get('q') ?? '';
  const pageSize = 20;
  const [opened, setOpened] = useState<InboxItem | null>(null);
  const setUnavailable = useServiceStatus((state) => state.setUnavailable);

  const inbox = useQuery({
    queryKey: ['inbox', view, page, overdue, q],
    queryFn: () =>
      gateway.inbox({ view, offset: (page - 1) * pageSize, limit: pageSize, ...(overdue ? { overdue } : {}), q }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useEffect(() => {
    if (inbox.data) setUnavailable(inbox.data.unavailable);
  }, [inbox.data, setUnavailable]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    setParams(next);
  };

  const subjectName = (item: InboxItem) => t(`inbox.subjects.${item.subjectType}`, { defaultValue: item.subjectType });
  const sender = (item: InboxItem) => item.sentByName ?? item.sentBy ?? item.submitterId;
  const deadline = (item: InboxItem) =>
    item.status === 'open' ? (
      <Deadline
        deadlineAt={item.deadlineAt}
        overdue={item.overdue}
        workingDaysLeft={item.workingDaysLeft}
        provisional={item.calendarProvisional}
      />
    ) : (
      <Typography.Text type="secondary">{item.decision ? t(`actions.${item.decision}`) : '—'}</Typography.Text>
    );
  const itemKey = (item: InboxItem) => `${item.service}:${item.workflowId}:${item.stepId}:${item.slotId}`;

  const filters = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        defaultValue={q}
        placeholder={t('inbox.searchPlaceholder')}
        aria-label={t('inbox.searchPlaceholder')}
        onSearch={(value) => update({ q: value, page: null })}
        style={{ width: screens.md ? 280 : '100%' }}
      />
      {view === 'todo' && (
        <Space>
          <Switch
            checked={overdue}
            onChange={(checked) => update({ overdue: checked ? 'true' : null, page: null })}
            aria-label={t('inbox.overdueOnly')}
          />
          <span>{t('inbox.overdueOnly')}</span>
        </Space>
      )}
    </Space>
  );

  const pagination = {
    current: page,
    pageSize,
    total: inbox.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (next: number) => update({ page: String(next) }),
  };

  const list = screens.md ? (
    <Table<InboxItem>
      rowKey={itemKey}
      loading={inbox.isFetching}
      dataSource={inbox.data?.items ?? []}
      pagination={pagination}
      locale={{ emptyText: t('inbox.empty') }}
      onRow={(item) => ({ onClick: () => setOpened(item), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('inbox.subject'),
          key: 'title',
          render: (_, item) => (
            <Space direction="vertical" size={0}>
              <Typography.Link onClick={() => setOpened(item)}>{item.title}</Typography.Link>
              <Space size={4}>
                <Tag>{subjectName(item)}</Tag>
                {item.escalated && <Tag color="red">{t('inbox.escalated')}</Tag>}
                {item.reminders > 0 && <Tag color="orange">{t('inbox.reminded', { count: item.reminders })}</Tag>}
              </Space>
            </Space>
          ),
        },
        { title: t('inbox.step'), dataIndex: 'stepName' },
        { title: t('inbox.sender'), key: 'sender', render: (_, item) => sender(item), ellipsis: true },
        { title: t('inbox.left'), key: 'deadline', render: (_, item) => deadline(item) },
        {
          title: t('inbox.openedAt'),
          dataIndex: 'openedAt',
          render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
        },
      ]}
    />
  ) : (
    <List<InboxItem>
      loading={inbox.isFetching}
      dataSource={inbox.data?.items ?? []}
      locale={{ emptyText: t('inbox.empty') }}
      pagination={{ ...pagination, simple: true, align: 'center' }}
      renderItem={(item) => (
        <List.Item key={itemKey(item)} onClick={() => setOpened(item)} style={{ cursor: 'pointer' }}>
          <List.Item.Meta
            title={<Typography.Link>{item.title}</Typography.Link>}
            description={
              <Space direction="vertical" size={0}>
                <span>
                  {subjectName(item)} · {item.stepName}
                </span>
                {deadline(item)}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );

  const kind = opened ? subjectKinds[opened.subjectType] : undefined;
  const movedOn = useSubjectMovedOn(opened);
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('inbox.title')}</h1>}
      size={screens.md ? 'default' : 'small'}
    >
      <Tabs
        activeKey={view}
        onChange={(next) => update({ view: next, page: null, overdue: null })}
        items={views.map((key) => ({ key, label: t(`inbox.views.${key}`) }))}
      />
      {filters}
      {list}
      <Drawer
        open={opened !== null}
        onClose={() => setOpened(null)}
        size={screens.md ? 720 : '100%'}
        title={opened?.title}
        destroyOnHidden
        extra={opened && kind && <Tag>{opened.stepName}</Tag>}
        footer={
          opened && kind ? (
            movedOn ? (
              <Alert type="info" showIcon title={t('inbox.movedOn')} data-testid="inbox-moved-on" />
            ) : (
              <ApprovalActions item={opened} kind={kind} onDone={() => setOpened(null)} />
            )
          ) : null
        }
      >
        {opened && kind ? kind.detail(opened) : null}
      </Drawer>
    </Card>
  );
}
