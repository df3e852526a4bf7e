import { HttpException } from '@nestjs/common';
import { ApiErrorCode, CommonError, DomainError, Locale, translate } from '@yvc/core';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';

type Log = { error: (obj: object, msg: string) => void };

const QUERY_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_TO_CODE: Record<number, ApiErrorCode> = {
  400: ApiErrorCode.BAD_USER_INPUT,
  401: ApiErrorCode.UNAUTHENTICATED,
  403: ApiErrorCode.FORBIDDEN,
  404: ApiErrorCode.NOT_FOUND,
};

const EMAIL_RE = /[^\s@'"()<>]+@[^\s@'"()<>]+/g;
const LONG_NUMBER_RE = /\+?\d[\d\s-]{8,}\d/g;

/** Masks what could be personal data in a message: emails, IINs, phone numbers. */
export function redactPersonalData(text: string | undefined): string | undefined {
  return text?.replace(EMAIL_RE, '[email]').replace(LONG_NUMBER_RE, '[number]');
}

/**
 * Only what is safe to log about an unexpected error: no SQL parameters, no row details
 * (PostgreSQL's `detail` quotes row values), and the message with personal data masked.
 */
export function safeErrorSummary(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; stack?: string; code?: string; constraint?: string };
  return {
    type: e?.name,
    message: redactPersonalData(e?.message),
    code: e?.code,
    constraint: e?.constraint,
    stack: redactPersonalData(e?.stack),
  };
}

export function presentDomainError(
  err: DomainError,
  locale: Locale,
): { message: string; extensions: Record<string, unknown> } {
  const extensions: Record<string, unknown> = { code: err.code, reason: err.reason };
  if (err.code === ApiErrorCode.BAD_USER_INPUT || err.fields.length) {
    extensions.fields = err.fields.map((f) => ({
      field: f.field,
      message: translate(locale, f.key, f.params),
    }));
  }
  if (err.retryAfterSeconds !== undefined) extensions.retryAfter = err.retryAfterSeconds;
  return { message: translate(locale, `errors.${err.reason}`, err.params), extensions };
}

// graphql-js hints at names it knows: 'Did you mean "fullName"?', 'Did you mean the enum value "ADMIN"?'
const SUGGESTION_RE = / ?Did you mean [^?]*\?/g;

/** A graphql-js message without its "Did you mean ...?" hints (they name fields, types, enum values). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION_RE, '');
}

/**
 * The one place where failures become what a client sees: a DomainError keeps its code and gets a
 * message in the caller's language; a malformed query is BAD_USER_INPUT; anything else is an
 * INTERNAL_SERVER_ERROR with an errorId that is also logged (with the request id), and nothing more.
 * With `hideSuggestions` (production) no message hints at schema names the caller did not type.
 */
export function presentGraphQLError(
  error: GraphQLError,
  locale: Locale,
  log: Log,
  options: { hideSuggestions?: boolean } = {},
): GraphQLFormattedError {
  const where = { path: error.path, locations: error.locations };
  const original = error.originalError;
  if (original instanceof DomainError) return { ...where, ...presentDomainError(original, locale) };
  if (original instanceof HttpException && HTTP_TO_CODE[original.getStatus()]) {
    const code = HTTP_TO_CODE[original.getStatus()];
    const reason = {
      [ApiErrorCode.BAD_USER_INPUT]: CommonError.INVALID_QUERY,
      [ApiErrorCode.UNAUTHENTICATED]: CommonError.UNAUTHENTICATED,
      [ApiErrorCode.FORBIDDEN]: CommonError.FORBIDDEN,
      [ApiErrorCode.NOT_FOUND]: CommonError.NOT_FOUND,
    }[code as string]!;
    const d = new DomainError(code, reason, { detail: original.message });
    return { ...where, ...presentDomainError(d, locale) };
  }
  const apolloCode = error.extensions?.code as string | undefined;
  // graphql-js reports parse, validation and variable errors without an originalError
  // (a scalar's parse error arrives as the originalError of a 'Variable "$x" got invalid value' error)
  const badVariable = !error.path && /^Variable "\$/.test(error.message);
  if (
    !original ||
    badVariable ||
    (original instanceof GraphQLError && apolloCode && QUERY_CODES.has(apolloCode))
  ) {
    // 'Variable "$input" got invalid value "x" at "input.startsAt"; ...' names the bad field
    const at = /^Variable "\$[^"]+" got invalid value .* at "[^".]+\.([^"]+)"/.exec(error.message);
    const fields = at ? [{ field: at[1], key: 'validation.invalidValue' }] : [];
    const detail = options.hideSuggestions ? withoutSuggestions(error.message) : error.message;
    const d = new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.INVALID_QUERY, { detail }, fields);
    return { ...where, ...presentDomainError(d, locale) };
  }
  const errorId = randomUUID();
  log.error({ errorId, err: safeErrorSummary(original ?? error), path: error.path }, 'unexpected error');
  return {
    ...where,
    message: translate(locale, 'errors.INTERNAL', { errorId }),
    extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR, errorId },
  };
}
