import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FlagOutlined,
  LikeOutlined,
  FileAddOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProfileOutlined,
  SolutionOutlined,
  StarOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
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

const financeRoles = ['finance-officer', 'district-leader'];

/** 财政: the ledger's pages, for finance officers and district leaders (starting the base allocation is finance's). */
function financeEntries(t: (key: string) => string): MenuEntry[] {
  return [
    { key: '/finance/budgets', icon: <BankOutlined />, label: t('money.menu.budgets'), roles: financeRoles },
    {
      key: '/finance/base-allocation',
      icon: <WalletOutlined />,
      label: t('money.menu.baseAllocation'),
      roles: ['finance-officer'],
    },
    {
      key: '/finance/communities',
      icon: <AccountBookOutlined />,
      label: t('money.menu.communities'),
      roles: financeRoles,
    },
    { key: '/finance/reports', icon: <BarChartOutlined />, label: t('money.menu.reports'), roles: financeRoles },
  ];
}

/** The frame of every page: a side menu with what the user's roles may do, the header with the user and 站内信. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [menuOpen, setMenuOpen] = useState(false);

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
      label: t('menu.allSubmissions'),
      roles: ['admission-reviewer', 'admission-committee', 'district-leader'],
    },
    {
      key: '/community/tasks',
      icon: <UnorderedListOutlined />,
      label: t('menu.communityTasks'),
      roles: ['community-secretary'],
    },
    { key: '/community/refusals', icon: <StopOutlined />, label: t('menu.refusal'), roles: ['community-secretary'] },
    ...financeEntries(t),
    { key: '/dashboard', icon: <DashboardOutlined />, label: t('dashboard.menu'), roles: ['district-leader'] },
    {
      key: '/organisation/hierarchy',
      icon: <ApartmentOutlined />,
      label: t('organisation.menu.hierarchy'),
      roles: ['organization-admin'],
    },
    {
      key: '/organisation/party-organisations',
      icon: <FlagOutlined />,
      label: t('organisation.menu.partyOrganisations'),
      roles: ['organization-admin'],
    },
    {
      key: '/organisation/facilities',
      icon: <BankOutlined />,
      label: t('organisation.menu.facilities'),
      roles: ['organization-admin'],
    },
    {
      key: '/organisation/co-building',
      icon: <TeamOutlined />,
      label: t('organisation.menu.coBuilding'),
      roles: ['organization-admin'],
    },
    {
      key: '/organisation/evaluation',
      icon: <LikeOutlined />,
      label: t('organisation.menu.evaluation'),
      roles: ['organization-admin'],
    },
    { key: '/people/workers', icon: <TeamOutlined />, label: t('people.menu.workers'), roles: ['hr-officer'] },
    { key: '/people/cycles', icon: <TrophyOutlined />, label: t('people.menu.cycles'), roles: ['hr-officer'] },
    {
      key: '/people/recruitment',
      icon: <SolutionOutlined />,
      label: t('people.menu.recruitment'),
      roles: ['hr-officer'],
    },
    { key: '/people/reviews', icon: <StarOutlined />, label: t('people.menu.reviews'), roles: ['hr-officer'] },
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
          <Space size={4} align="center" style={{ minWidth: 0 }}>
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('app.menu')}
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen(true)}
              />
            )}
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {narrow ? t('app.short') : t('app.name')}
            </Typography.Text>
          </Space>
          <Space size={narrow ? 2 : 'middle'} align="center">
            <Button type="text" size="small" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
              {t('common.language')}
            </Button>
            <NotificationBell />
            <Typography.Text
              data-testid="current-user"
              ellipsis
              style={{ maxWidth: narrow ? 72 : 280, verticalAlign: 'middle', display: 'inline-block' }}
            >
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
          <Drawer
            placement="left"
            size={240}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('app.short')}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label={t('app.name')}>
              <Menu
                mode="inline"
                selectedKeys={[selected]}
                items={visible.map(({ key, icon, label }) => ({ key, icon, label }))}
                onClick={({ key }) => {
                  setMenuOpen(false);
                  void navigate(key.replace('?all', ''));
                }}
              />
            </nav>
          </Drawer>
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
