import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Timeline,
  Tree,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/organization';
import { api, unwrap } from '../../api/http';
import { toProblem } from '../../api/problem';
import { problemMessage } from '../../api/problem-messages';
import { useCommand } from '../../api/use-command';
import { useUserNames } from '../../api/use-user-names';
import { useSession } from '../../session/session';

type Community = components['schemas']['CommunityResponse'];
type Grid = components['schemas']['GridResponse'];
type Change = components['schemas']['HierarchyChangeResponse'];

interface Selected {
  kind: 'street' | 'community' | 'grid';
  code: string;
  name: string;
  parentCode?: string;
  communityId?: string;
}

/**
 * The service refuses a move, merge or split with a code and no field (the rule concerns the unit named); the
 * form shows it beside the field that chose the unit, in Chinese.
 */
async function placingRefusal<T>(
  form: FormInstance,
  t: TFunction,
  fieldOf: Record<string, string>,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const problem = toProblem(error);
    const field = problem.code ? fieldOf[problem.code] : undefined;
    if (field && !problem.errors?.length) form.setFields([{ name: field, errors: [problemMessage(problem, t)] }]);
    throw error;
  }
}

function describeChange(change: Change, t: TFunction): string {
  const details = change.details;
  const text = (key: string) => (typeof details[key] === 'string' ? details[key] : undefined);
  if (change.change === 'moved') return `${text('fromParentCode') ?? ''} → ${text('toParentCode') ?? ''}`;
  if (change.change === 'renamed')
    return `${text('from') ?? text('previousName') ?? ''} → ${text('to') ?? text('name') ?? ''}`;
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${t(`organisation.hierarchy.detailKeys.${key}`, { defaultValue: key })}：${Array.isArray(value) ? value.join('、') : String(value)}`,
    )
    .join('；');
}

/** 区划层级: the district's tree (街道 → 社区 → 网格) with each unit's history and the 布局调整 actions. */
export function HierarchyPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [grids, setGrids] = useState<Record<string, Grid[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>(['district']);

  const streets = useQuery({
    queryKey: ['organisation', 'streets'],
    queryFn: () => unwrap(api.organization.GET('/streets', { params: { query: { limit: 500 } } })),
  });
  const communities = useQuery({
    queryKey: ['organisation', 'communities'],
    queryFn: () => unwrap(api.organization.GET('/communities', { params: { query: { limit: 500 } } })),
  });
  const history = useQuery({
    queryKey: ['organisation', 'history', selected?.code],
    enabled: !!selected,
    queryFn: () =>
      unwrap(api.organization.GET('/hierarchy/units/{code}/history', { params: { path: { code: selected!.code } } })),
  });

  const loadGrids = async (community: Community) => {
    const page = await unwrap(
      api.organization.GET('/communities/{communityId}/grids', {
        params: { path: { communityId: community.id }, query: { limit: 500 } },
      }),
    );
    setGrids((known) => ({ ...known, [community.id]: page.items }));
    return page.items;
  };

  const communityItems = communities.data?.items ?? [];
  const treeData = [
    {
      key: 'district',
      title: `${t('organisation.hierarchy.district')} ${session.user.scope.districtCode}`,
      selectable: false,
      children: (streets.data?.items ?? []).map((street) => ({
        key: `street:${street.code}`,
        title: (
          <span data-testid={`tree-street-${street.code}`}>
            {street.name} <Typography.Text type="secondary">{street.code}</Typography.Text>
          </span>
        ),
        children: communityItems
          .filter((community) => community.streetCode === street.code)
          .map((community) => ({
            key: `community:${community.code}`,
            title: (
              <span data-testid={`tree-community-${community.code}`}>
                {community.name} <Typography.Text type="secondary">{community.code}</Typography.Text>
              </span>
            ),
            isLeaf: false,
            children: (grids[community.id] ?? []).map((grid) => ({
              key: `grid:${grid.code}:${community.code}`,
              title: (
                <span data-testid={`tree-grid-${grid.code}`}>
                  {grid.name} <Typography.Text type="secondary">{grid.code}</Typography.Text>
                </span>
              ),
              isLeaf: true,
            })),
          })),
      })),
    },
  ];

  const select = (key: string) => {
    setSelectedKey(key);
    const [kind, code, parent] = key.split(':') as ['street' | 'community' | 'grid', string, string | undefined];
    if (kind === 'street') {
      const street = streets.data?.items.find((s) => s.code === code);
      setSelected({ kind, code, name: street?.name ?? code });
    } else if (kind === 'community') {
      const community = communityItems.find((c) => c.code === code);
      setSelected({
        kind,
        code,
        name: community?.name ?? code,
        parentCode: community?.streetCode,
        communityId: community?.id,
      });
    } else {
      const community = communityItems.find((c) => c.code === parent);
      const grid = community && grids[community.id]?.find((g) => g.code === code);
      setSelected({ kind, code, name: grid?.name ?? code, parentCode: parent, communityId: community?.id });
    }
  };

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['organisation'] });
    // Grids move with a split or a grid's move: the opened communities read theirs again.
    await Promise.all(communityItems.filter((c) => grids[c.id]).map((c) => loadGrids(c).catch(() => undefined)));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation.hierarchy.title')}</h1>}
          loading={streets.isPending || communities.isPending}
        >
          <Typography.Paragraph type="secondary">{t('organisation.hierarchy.help')}</Typography.Paragraph>
          <Tree
            data-testid="hierarchy-tree"
            showLine
            treeData={treeData}
            selectedKeys={selectedKey ? [selectedKey] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              const next = keys.map(String);
              setExpandedKeys(next);
              // A community's grids are read when it is first opened.
              for (const key of next) {
                const community = communityItems.find((c) => `community:${c.code}` === key);
                if (community && !grids[community.id]) void loadGrids(community).catch(() => undefined);
              }
            }}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) select(String(key));
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {!selected ? (
          <Card size="small">
            <Empty description={t('organisation.hierarchy.select')} />
          </Card>
        ) : (
          <UnitPanel
            key={selected.code}
            unit={{
              ...selected,
              // After a move the parent is the one the refreshed lists name.
              parentCode:
                selected.kind === 'community'
                  ? (communityItems.find((c) => c.code === selected.code)?.streetCode ?? selected.parentCode)
                  : selected.parentCode,
            }}
            history={history.data?.changes ?? []}
            status={history.data?.status}
            historyLoading={history.isFetching}
            streets={streets.data?.items ?? []}
            communities={communityItems}
            loadGrids={loadGrids}
            onChanged={refresh}
          />
        )}
      </Col>
    </Row>
  );
}

function UnitPanel({
  unit,
  history,
  status,
  historyLoading,
  streets,
  communities,
  loadGrids,
  onChanged,
}: {
  unit: Selected;
  history: Change[];
  status: string | undefined;
  historyLoading: boolean;
  streets: { code: string; name: string }[];
  communities: Community[];
  loadGrids: (community: Community) => Promise<Grid[]>;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const nameOf = useUserNames(history.map((change) => change.changedBy));
  const [renameForm] = Form.useForm<{ name: string }>();
  const [moveForm] = Form.useForm<{ newParentCode: string }>();
  const [mergeForm] = Form.useForm<{ intoCode: string }>();
  const [splitForm] = Form.useForm<components['schemas']['SplitCommunityRequest']>();
  const community = communities.find((c) => c.code === unit.code);
  const ownGrids = useQuery({
    queryKey: ['organisation', 'grids', community?.id],
    enabled: unit.kind === 'community' && !!community,
    queryFn: () => loadGrids(community!),
  });
  const path = { params: { path: { code: unit.code } } };

  const rename = useCommand<{ name: string }, unknown>({
    form: renameForm,
    run: (body, key) =>
      unwrap(
        api.organization.PATCH('/hierarchy/units/{code}', {
          ...path,
          params: { ...path.params, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    success: t('organisation.hierarchy.renamedDone'),
    onSuccess: () => void onChanged(),
  });
  const move = useCommand<{ newParentCode: string }, unknown>({
    form: moveForm,
    run: (body, key) =>
      placingRefusal(
        moveForm,
        t,
        {
          'hierarchy.cycle': 'newParentCode',
          'hierarchy.level-mismatch': 'newParentCode',
          'hierarchy.already-there': 'newParentCode',
          'hierarchy.unit-not-found': 'newParentCode',
          'hierarchy.unit-merged': 'newParentCode',
        },
        () =>
          unwrap(
            api.organization.POST('/hierarchy/units/{code}/move', {
              params: { path: { code: unit.code }, header: { 'Idempotency-Key': key } },
              body,
            }),
          ),
      ),
    success: t('organisation.hierarchy.moved'),
    onSuccess: () => void onChanged(),
  });
  const merge = useCommand<{ intoCode: string }, unknown>({
    form: mergeForm,
    run: (body, key) =>
      placingRefusal(
        mergeForm,
        t,
        {
          'hierarchy.cycle': 'intoCode',
          'hierarchy.unit-not-found': 'intoCode',
          'hierarchy.unit-merged': 'intoCode',
          'hierarchy.merge-communities-only': 'intoCode',
          'hierarchy.upgrade-pending': 'intoCode',
        },
        () =>
          unwrap(
            api.organization.POST('/hierarchy/units/{code}/merge', {
              params: { path: { code: unit.code }, header: { 'Idempotency-Key': key } },
              body,
            }),
          ),
      ),
    success: t('organisation.hierarchy.mergedDone'),
    onSuccess: () => void onChanged(),
  });
  const split = useCommand<components['schemas']['SplitCommunityRequest'], unknown>({
    form: splitForm,
    run: (body, key) =>
      placingRefusal(
        splitForm,
        t,
        {
          'hierarchy.grid-twice': 'into',
          'hierarchy.grid-not-in-community': 'into',
          'hierarchy.split-members-exceed': 'into',
          'hierarchy.upgrade-pending': 'into',
          'community.code-taken': 'into',
          'street.code-taken': 'into',
          'grid.code-taken': 'into',
        },
        () =>
          unwrap(
            api.organization.POST('/hierarchy/units/{code}/split', {
              params: { path: { code: unit.code }, header: { 'Idempotency-Key': key } },
              body,
            }),
          ),
      ),
    success: t('organisation.hierarchy.splitDone'),
    onSuccess: () => {
      splitForm.resetFields();
      void onChanged();
    },
  });

  const parentOptions =
    unit.kind === 'community'
      ? streets.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))
      : communities.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  const merged = status === 'merged';

  const tabs = [
    {
      key: 'move',
      label: t('organisation.hierarchy.actions.move'),
      children: (
        <Form form={moveForm} layout="vertical" onFinish={(values) => move.send(values)} data-testid="move-form">
          <Form.Item name="newParentCode" label={t('organisation.hierarchy.newParent')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={parentOptions} data-testid="move-parent" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={move.pending} disabled={merged}>
            {t('organisation.hierarchy.actions.move')}
          </Button>
        </Form>
      ),
    },
    {
      key: 'rename',
      label: t('organisation.hierarchy.actions.rename'),
      children: (
        <Form form={renameForm} layout="vertical" onFinish={(values) => rename.send(values)}>
          <Form.Item name="name" label={t('organisation.hierarchy.newName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={rename.pending} disabled={merged}>
            {t('organisation.hierarchy.actions.rename')}
          </Button>
        </Form>
      ),
    },
    ...(unit.kind === 'community'
      ? [
          {
            key: 'merge',
            label: t('organisation.hierarchy.actions.merge'),
            children: (
              <Form form={mergeForm} layout="vertical" onFinish={(values) => merge.send(values)}>
                <Form.Item name="intoCode" label={t('organisation.hierarchy.mergeInto')} rules={[{ required: true }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={communities
                      .filter((c) => c.code !== unit.code)
                      .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
                  />
                </Form.Item>
                <Button danger type="primary" htmlType="submit" loading={merge.pending} disabled={merged}>
                  {t('organisation.hierarchy.actions.merge')}
                </Button>
              </Form>
            ),
          },
          {
            key: 'split',
            label: t('organisation.hierarchy.actions.split'),
            children: (
              <Form
                form={splitForm}
                layout="vertical"
                initialValues={{ into: [{ code: '', name: '', gridCodes: [], partyMemberCount: 0 }] }}
                onFinish={(values) => split.send(values)}
                data-testid="split-form"
              >
                <Form.List name="into">
                  {(fields, { add, remove }, { errors }) => (
                    <>
                      <Typography.Text strong>{t('organisation.hierarchy.splitInto')}</Typography.Text>
                      {fields.map((field, index) => (
                        <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                          <Form.Item
                            name={[field.name, 'code']}
                            label={t('organisation.hierarchy.partCode')}
                            rules={[{ required: true }]}
                          >
                            <Input style={{ width: 140 }} data-testid={`split-code-${index}`} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'name']}
                            label={t('organisation.hierarchy.partName')}
                            rules={[{ required: true }]}
                          >
                            <Input style={{ width: 160 }} data-testid={`split-name-${index}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'gridCodes']} label={t('organisation.hierarchy.partGrids')}>
                            <Select
                              mode="multiple"
                              style={{ minWidth: 160 }}
                              data-testid={`split-grids-${index}`}
                              options={(ownGrids.data ?? []).map((g) => ({ value: g.code, label: g.name }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'partyMemberCount']}
                            label={t('organisation.hierarchy.partMembers')}
                          >
                            <InputNumber min={0} data-testid={`split-members-${index}`} />
                          </Form.Item>
                          {fields.length > 1 && (
                            <Button
                              type="text"
                              aria-label={t('common.delete', { defaultValue: '删除' })}
                              icon={<MinusCircleOutlined />}
                              onClick={() => remove(field.name)}
                              style={{ marginTop: 30 }}
                            />
                          )}
                        </Space>
                      ))}
                      <Form.ErrorList errors={errors} />
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({ gridCodes: [], partyMemberCount: 0 })}
                      >
                        {t('organisation.hierarchy.addPart')}
                      </Button>
                    </>
                  )}
                </Form.List>
                <div style={{ marginTop: 16 }}>
                  <Button type="primary" htmlType="submit" loading={split.pending} disabled={merged}>
                    {t('organisation.hierarchy.actions.split')}
                  </Button>
                </div>
              </Form>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{unit.name}</h2>} data-testid="unit-panel">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('organisation.hierarchy.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('organisation.hierarchy.kind')}>
            <Tag>{t(`organisation.kinds.${unit.kind}`)}</Tag>
            {status && <Tag color={merged ? 'default' : 'green'}>{t(`organisation.status.${status}`)}</Tag>}
          </Descriptions.Item>
          {unit.parentCode && (
            <Descriptions.Item label={t('organisation.hierarchy.parent')}>{unit.parentCode}</Descriptions.Item>
          )}
        </Descriptions>
        {unit.kind !== 'street' && <Tabs items={tabs} />}
      </Card>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('organisation.hierarchy.history')}</h2>}
        loading={historyLoading && history.length === 0}
        data-testid="unit-history"
      >
        {history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organisation.hierarchy.noHistory')} />
        ) : (
          <Timeline
            items={[...history].reverse().map((change) => ({
              children: (
                <div data-testid={`history-${change.change}`}>
                  <Typography.Text strong>{t(`organisation.hierarchy.changes.${change.change}`)}</Typography.Text>{' '}
                  {describeChange(change, t)}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {new Date(change.changedAt).toLocaleString('zh-CN', { hour12: false })} ·{' '}
                    {t('organisation.hierarchy.by')} {nameOf(change.changedBy)}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}
