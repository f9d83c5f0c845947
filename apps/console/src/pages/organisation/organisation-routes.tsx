import type { RouteObject } from 'react-router';

/** The organisation pages, each loaded when first opened (its own chunk). */
export const organisationRoutes: RouteObject[] = [
  {
    path: 'organisation/hierarchy',
    lazy: async () => ({ Component: (await import('./hierarchy-page')).HierarchyPage }),
  },
  {
    path: 'organisation/party-organisations',
    lazy: async () => ({ Component: (await import('./party-organisations-page')).PartyOrganisationsPage }),
  },
  {
    path: 'organisation/facilities',
    lazy: async () => ({ Component: (await import('./facilities-page')).FacilitiesPage }),
  },
  {
    path: 'organisation/evaluation',
    lazy: async () => ({ Component: (await import('./evaluation-page')).EvaluationPage }),
  },
  {
    path: 'organisation/co-building',
    lazy: async () => ({ Component: (await import('./co-building-page')).CoBuildingPage }),
  },
];
