import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiProblem } from './api/problem';
import './i18n';
import { router } from './routes';
import { SessionProvider } from './session/session';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a lost connection or a 503 may.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiProblem && error.problem.status >= 400 && error.problem.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/**
 * Whether the reader asked their system for less motion (WCAG 2.3.3): dialogs, drawers and messages then appear
 * without their zoom and slide, and follow the setting as it changes.
 */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(reducedMotionQuery);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(reducedMotionQuery).matches,
  );
}

function Console() {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const english = i18n.language === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      // Colours dark enough for white text (WCAG AA); two-character labels keep their own spacing (同意, 预检).
      theme={{
        token: {
          colorPrimary: '#c8102e',
          colorError: '#cf1322',
          colorLink: '#1d5fbf',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          borderRadius: 4,
          motion: !reducedMotion,
        },
      }}
      button={{ autoInsertSpace: false }}
      // Coloured tags keep their colour in the background; their words stay dark enough to read (WCAG AA).
      tag={{ style: { color: 'rgba(0, 0, 0, 0.88)' } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
