/** The only codes a client ever sees in `extensions.code` (see docs/api-contract.graphql). */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export type MessageParams = Record<string, string | number>;

/** One problem with one input field; `key` names a message under `validation.*` in the catalogues. */
export interface FieldProblem {
  field: string;
  key: string;
  params?: MessageParams;
}

/**
 * A failure the caller can act on. `reason` is a domain error code (an enum member of the
 * domain that raised it) and also the key of its message under `errors.*`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly reason: string,
    readonly params: MessageParams = {},
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.name = 'DomainError';
  }
}

/** Builds a `raise` function for a domain from its closed table of reason -> API code. */
export function errorFactory<R extends string>(table: Record<R, ApiErrorCode>) {
  return (reason: R, params?: MessageParams, fields?: FieldProblem[]): DomainError =>
    new DomainError(table[reason], reason, params, fields);
}
