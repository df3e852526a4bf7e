import type { CombinedError } from '@urql/core';

/** What a page shows for a failed request. */
export interface PresentedError {
  /** one sentence in the chosen language: the API's own message, or our generic one */
  message: string;
  /** field name (as in the input type, e.g. "email", "guardian.phone") → the API's message for it */
  fields: Record<string, string>;
  /** the API's extensions.code, for pages that react to one (e.g. UNAUTHENTICATED → log in) */
  code?: string;
  /** the API's extensions.reason (e.g. EVENT_FULL) */
  reason?: string;
}

export interface ErrorTexts {
  generic: string;
  network: string;
}

/** Codes whose message the API's error presenter wrote for people (translated by Accept-Language). */
const PRESENTED = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * The one way a page turns an urql error into text: the API already translated its message (we
 * sent Accept-Language), so it is shown as it is, and `extensions.fields` go next to the form's
 * fields. A network failure, or anything without a known code, gets our own translated sentence:
 * never a raw code, a stack or an English graphql-js message.
 */
export function presentError(error: CombinedError, texts: ErrorTexts): PresentedError {
  const gql = error.graphQLErrors[0];
  if (!gql) return { message: error.networkError ? texts.network : texts.generic, fields: {} };
  const ext = gql.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  const reason = typeof ext.reason === 'string' ? ext.reason : undefined;
  const fields: Record<string, string> = {};
  if (Array.isArray(ext.fields)) {
    for (const f of ext.fields as unknown[]) {
      const { field, message } = (f ?? {}) as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && !(field in fields))
        fields[field] = message;
    }
  }
  const known = code !== undefined && PRESENTED.has(code) && !!gql.message;
  return { message: known ? gql.message : texts.generic, fields, code, reason };
}
