import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { CommunityTasksPage } from './pages/community/community-tasks-page';
import { RefusalPage } from './pages/community/refusal-page';
import { SubmissionFormPage } from './pages/submissions/submission-form-page';
import { SubmissionPage } from './pages/submissions/submission-page';
import { SubmissionsPage } from './pages/submissions/submissions-page';
import { organisationRoutes } from './pages/organisation/organisation-routes';
import { WorkbenchPage } from './pages/workbench/workbench-page';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <WorkbenchPage /> },
      { path: 'submissions', element: <SubmissionsPage /> },
      { path: 'submissions/new', element: <SubmissionFormPage /> },
      { path: 'submissions/:submissionId', element: <SubmissionPage /> },
      { path: 'submissions/:submissionId/edit', element: <SubmissionFormPage /> },
      { path: 'community/tasks', element: <CommunityTasksPage /> },
      { path: 'community/refusals', element: <RefusalPage /> },
      // Finance is its own chunk (charts included): only the pages that use it pay for it.
      {
        path: 'finance/budgets',
        lazy: async () => ({ Component: (await import('./pages/finance/budgets-page')).BudgetsPage }),
      },
      {
        path: 'finance/base-allocation',
        lazy: async () => ({ Component: (await import('./pages/finance/base-allocation-page')).BaseAllocationPage }),
      },
      {
        path: 'finance/communities',
        lazy: async () => ({ Component: (await import('./pages/finance/communities-page')).CommunitiesPage }),
      },
      {
        path: 'finance/communities/:communityId',
        lazy: async () => ({
          Component: (await import('./pages/finance/community-accounts-page')).CommunityAccountsPage,
        }),
      },
      {
        path: 'finance/transfers/:transferId',
        lazy: async () => ({ Component: (await import('./pages/finance/transfer-page')).TransferPage }),
      },
      {
        path: 'finance/reports',
        lazy: async () => ({ Component: (await import('./pages/finance/reports-page')).ReportsPage }),
      },
      {
        path: 'dossiers/tasks/:taskId',
        lazy: async () => ({ Component: (await import('./pages/dossier/dossier-page')).DossierPage }),
      },
      {
        path: 'dossiers/submissions/:submissionId',
        lazy: async () => ({ Component: (await import('./pages/dossier/dossier-page')).DossierPage }),
      },
      {
        path: 'dashboard',
        lazy: async () => ({ Component: (await import('./pages/dashboard/dashboard-page')).DashboardPage }),
      },
      ...organisationRoutes,
      // The HR pages are their own chunk, loaded when first opened.
      {
        path: 'people/workers',
        lazy: async () => ({ Component: (await import('./pages/people/workers-page')).WorkersPage }),
      },
      {
        path: 'people/workers/:workerId',
        lazy: async () => ({ Component: (await import('./pages/people/worker-page')).WorkerPage }),
      },
      {
        path: 'people/cycles',
        lazy: async () => ({ Component: (await import('./pages/people/cycles-page')).CyclesPage }),
      },
      {
        path: 'people/cycles/:cycleId',
        lazy: async () => ({ Component: (await import('./pages/people/cycle-page')).CyclePage }),
      },
      {
        path: 'people/recruitment',
        lazy: async () => ({ Component: (await import('./pages/people/recruitment-page')).RecruitmentPage }),
      },
      {
        path: 'people/recruitment/:postingId',
        lazy: async () => ({ Component: (await import('./pages/people/posting-page')).PostingPage }),
      },
      {
        path: 'people/reviews',
        lazy: async () => ({ Component: (await import('./pages/people/reviews-page')).ReviewsPage }),
      },
      { path: '*', element: <WorkbenchPage /> },
    ],
  },
]);
