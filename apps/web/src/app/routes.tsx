import type { RouteObject } from 'react-router';
import { RouteError } from '../shared/errors/RouteError';
import { Layout } from '../shared/layout/Layout';

/**
 * Every page is its own chunk (`lazy`), so the first load carries only the shell and the page
 * asked for. Each route has the error boundary (`errorElement`), so a failing page never leaves a
 * blank screen. A feature adds its routes here, pointing at `features/<feature>/<Page>.tsx`.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            lazy: () => import('../features/events/EventsPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'events/:id',
            lazy: () => import('../features/events/EventPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'login',
            lazy: () => import('../features/auth/LoginPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'signup',
            lazy: () => import('../features/auth/SignUpPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'forgot-password',
            lazy: () => import('../features/auth/ForgotPasswordPage').then((m) => ({ Component: m.default })),
          },
          // the account e-mails' links (the same addresses the API's own pages had)
          {
            path: 'account/verify-email',
            lazy: () => import('../features/auth/VerifyEmailPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'account/reset-password',
            lazy: () => import('../features/auth/ResetPasswordPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'me',
            lazy: () => import('../features/account/MePage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'my-events',
            lazy: () =>
              import('../features/registrations/MyEventsPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'clubs',
            lazy: () => import('../features/clubs/ClubsPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'me/badges',
            lazy: () => import('../features/account/BadgesPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'me/certificate',
            lazy: () => import('../features/account/CertificatePage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'me/settings',
            lazy: () => import('../features/account/SettingsPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'goodbye',
            lazy: () => import('../features/account/FarewellPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'notifications',
            lazy: () =>
              import('../features/notifications/NotificationsPage').then((m) => ({ Component: m.default })),
          },
          // administration (issue 14): COMMISSION and ADMIN
          {
            path: 'admin',
            lazy: () => import('../features/admin/AdminPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'admin/clubs',
            lazy: () => import('../features/admin/ClubsAdminPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'admin/clubs/:id',
            lazy: () => import('../features/admin/ClubAdminPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'admin/badges',
            lazy: () => import('../features/admin/BadgeCatalogPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'admin/certificates',
            lazy: () =>
              import('../features/admin/CertificatesAdminPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'admin/members/:id',
            lazy: () => import('../features/admin/MemberAdminPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'console',
            lazy: () => import('../features/console/ConsolePage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'console/clubs/:id',
            lazy: () => import('../features/console/ClubMembersPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'console/events/new',
            lazy: () => import('../features/console/EventFormPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'console/events/:id/edit',
            lazy: () => import('../features/console/EventFormPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'console/events/:id',
            lazy: () =>
              import('../features/console/ConsoleEventPage').then((m) => ({ Component: m.default })),
          },
          {
            path: 'dashboard',
            lazy: () => import('../features/dashboard/DashboardPage').then((m) => ({ Component: m.default })),
          },
          {
            path: '*',
            lazy: () => import('../shared/layout/NotFoundPage').then((m) => ({ Component: m.default })),
          },
        ],
      },
    ],
  },
  // the door scanner: full screen, without the app's header (features/scanner)
  {
    path: 'scan/:eventId',
    errorElement: <RouteError />,
    lazy: () => import('../features/scanner/ScanPage').then((m) => ({ Component: m.default })),
  },
];
