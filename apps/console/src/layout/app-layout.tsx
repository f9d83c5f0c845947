import {
  AuditOutlined,
  FileAddOutlined,
  HomeOutlined,
  LogoutOutlined,
  ProfileOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { gateway } from '../api/gateway';
import { setLanguage } from '../i18n';
import { hasRole, useSession } from '../session/session';
import { NotificationBell } from './notification-bell';
import { ServiceBanner } from './service-banner';

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
  roles?: string[];
}

/** The frame of every page: a side menu with what the user's roles may do, the header with the user and 站内信. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;

  const entries: MenuEntry[] = [
    { key: '/', icon: <HomeOutlined />, label: t('menu.workbench') },
    {
      key: '/submissions/new',
      icon: <FileAddOutlined />,
      label: t('menu.newSubmission'),
      roles: ['department-submitter'],
    },
    {
      key: '/submissions',
      icon: <ProfileOutlined />,
      label: t('menu.mySubmissions'),
      roles: ['department-submitter'],
    },
    {
      key: '/submissions?all',
      icon: <AuditOutlined />,
      label: t('submission.detail'),
      roles: ['admission-reviewer', 'admission-committee', 'district-leader'],
    },
    {
      key: '/community/tasks',
      icon: <UnorderedListOutlined />,
      label: t('menu.communityTasks'),
      roles: ['community-secretary'],
    },
    { key: '/community/refusals', icon: <StopOutlined />, label: t('menu.refusal'), roles: ['community-secretary'] },
  ];
  const visible = entries.filter((entry) => !entry.roles || hasRole(session, ...entry.roles));
  const selected =
    visible
      .map((entry) => entry.key)
      .filter((key) => key === '/' || location.pathname.startsWith(key.split('?')[0]))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  const signOut = async () => {
    const { signOutUrl } = await gateway.signOut();
    window.location.assign(signOutUrl);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.short')}</div>
          <nav aria-label={t('app.name')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={visible.map(({ key, icon, label }) => ({ key, icon, label }))}
              onClick={({ key }) => void navigate(key.replace('?all', ''))}
            />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            gap: 8,
          }}
        >
          <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }}>
            {narrow ? t('app.short') : t('app.name')}
          </Typography.Text>
          <Space size={narrow ? 2 : 'middle'}>
            <Button type="text" size="small" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
              {t('common.language')}
            </Button>
            <NotificationBell />
            <Typography.Text data-testid="current-user" ellipsis style={{ maxWidth: narrow ? 80 : 240 }}>
              {session.user.name}
              {!narrow && (
                <Typography.Text type="secondary">
                  {' · '}
                  {session.user.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join('、')}
                </Typography.Text>
              )}
            </Typography.Text>
            <Button type="text" size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {!narrow && t('session.signOut')}
              {narrow && <span className="visually-hidden">{t('session.signOut')}</span>}
            </Button>
          </Space>
        </Layout.Header>
        <ServiceBanner />
        {narrow && (
          <nav aria-label={t('app.name')}>
            <Menu
              mode="horizontal"
              selectedKeys={[selected]}
              items={visible.map(({ key, icon, label }) => ({ key, icon, label }))}
              onClick={({ key }) => void navigate(key.replace('?all', ''))}
            />
          </nav>
        )}
        <Layout.Content style={{ padding: narrow ? 8 : 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
