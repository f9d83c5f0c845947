import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { gateway, type Notification } from '../api/gateway';

/**
 * 站内信: the unread count, kept live by the gateway's event stream (`unread-count` events), and the latest
 * messages; opening one marks it read and goes where it points.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useQuery({ queryKey: ['notifications', 'unread-count'], queryFn: gateway.unreadCount });
  const latest = useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () => gateway.notifications({ offset: 0, limit: 8 }),
    enabled: open,
  });

  useEffect(() => {
    const stream = new EventSource('/api/notifications/stream', { withCredentials: true });
    stream.addEventListener('unread-count', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { count: number };
      queryClient.setQueryData(['notifications', 'unread-count'], data);
    });
    stream.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'latest'] });
      // A new to-do or decision changes the lists the user looks at.
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    });
    return () => stream.close();
  }, [queryClient]);

  const unread = count.data?.count ?? 0;
  const openNotification = async (notification: Notification) => {
    if (!notification.readAt) await gateway.markRead(notification.id).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    setOpen(false);
    if (notification.link) void navigate(notification.link);
  };

  const content = (
    <div style={{ width: 'min(360px, 90vw)' }}>
      {latest.data?.items.length ? (
        <List
          size="small"
          dataSource={latest.data.items}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: item.readAt ? 0.6 : 1 }}
              onClick={() => void openNotification(item)}
            >
              <List.Item.Meta
                title={
                  <Space size={4}>
                    <Tag color={item.readAt ? 'default' : 'blue'}>{t(`notifications.kinds.${item.kind}`)}</Tag>
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div>{item.body}</div>
                    <Typography.Text type="secondary">{dayjs(item.createdAt).format('MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('notifications.title')}</span>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            onClick={() =>
              void gateway.markAllRead().then(() => queryClient.invalidateQueries({ queryKey: ['notifications'] }))
            }
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={`${t('notifications.title')}，${t('notifications.unread', { count: unread })}`}
          data-testid="notification-bell"
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}
