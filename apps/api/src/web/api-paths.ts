/**
 * Paths that belong to the API (GraphQL, health, the pages behind email links, files): the web
 * app's SPA fallback never answers them, so an unknown one stays a 404 from the API; `npm run
 * dev:web` proxies them to the API (apps/web/vite.config.mts imports this file). Keep this in step
 * with the controllers (test/web-serving.e2e-spec.ts checks each one still reaches the API).
 * No imports: Vite's config loads it as it is.
 */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/health',
  '/verify',
  '/calendar',
  '/certificates',
  '/qr',
  '/badges',
  '/credentials',
  '/.well-known',
  '/unsubscribe',
  '/account',
  '/engagement',
  '/admin/queues',
  '/check-in',
];

/**
 * Pages behind the account e-mails' links that the web app answers when it is built (a browser
 * asking for HTML): it confirms the address or sets the new password through GraphQL
 * (`verifyEmail`, `resetPassword`) in the chosen language and the app's look. The links in mails
 * already sent stay the same; without a build, or for a client not asking for HTML, the API's own
 * pages in AccountPagesController still answer them.
 */
export const WEB_ACCOUNT_PAGES = ['/account/verify-email', '/account/reset-password'];
