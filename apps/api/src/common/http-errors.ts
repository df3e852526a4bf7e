import { ApiErrorCode, DomainError, Locale, localeFromAcceptLanguage, translate } from '@yvc/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredType } from './accepts';
import { isGraphqlPath } from './paths';
import { presentDomainError } from '../graphql/error-presenter';

const STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function errorPage(locale: Locale, body: ReturnType<typeof presentDomainError>): string {
  const fields = (body.extensions.fields as Array<{ message: string }> | undefined) ?? [];
  return (
    `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escape(translate(locale, 'pages.siteName'))}</title><body style="font-family:sans-serif;max-width:32em;margin:3em auto">` +
    `<p>${escape(body.message)}</p>${fields.map((f) => `<p>${escape(f.message)}</p>`).join('')}</body></html>`
  );
}

/**
 * Answers a plain HTTP route's failure: a JSON body `{"error": {message, extensions}}` with the
 * same code and message as GraphQL would give, or a small page in the caller's language when the
 * caller is a browser (the links in emails). On /graphql itself (a body the HTTP layer could not
 * read) the body is GraphQL's `{"errors": [...]}`, never stored by a cache. `status`: the HTTP status, else the code's.
 */
export function sendHttpError(
  req: FastifyRequest,
  res: FastifyReply,
  err: DomainError,
  status?: number,
): void {
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  const body = presentDomainError(err, locale);
  if (err.retryAfterSeconds) res.header('Retry-After', String(err.retryAfterSeconds));
  // set the type: a route's @Header('Content-Type') is already on the response
  res.code(status ?? STATUS[err.code]);
  if (isGraphqlPath(req.url))
    void res
      .header('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ errors: [body] }));
  else if (preferredType(req.headers.accept, ['application/json', 'text/html']) === 'text/html')
    void res.type('text/html; charset=utf-8').send(errorPage(locale, body));
  else void res.type('application/json; charset=utf-8').send(JSON.stringify({ error: body }));
}
