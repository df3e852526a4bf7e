import { ApiErrorCode, DomainError, FieldProblem, errorFactory } from './domain-error';

export enum CommonError {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_QUERY = 'INVALID_QUERY',
  /** a body the HTTP layer could not read: not JSON, or a type it does not take */
  INVALID_REQUEST_BODY = 'INVALID_REQUEST_BODY',
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INPUT_TOO_DEEP = 'INPUT_TOO_DEEP',
  /** more report fields in one operation than GRAPHQL_MAX_REPORTS */
  TOO_MANY_REPORTS = 'TOO_MANY_REPORTS',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
}

export const commonError = errorFactory<CommonError>({
  [CommonError.VALIDATION_FAILED]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.INVALID_QUERY]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.INVALID_REQUEST_BODY]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.REQUEST_TOO_LARGE]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.QUERY_TOO_COMPLEX]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.INPUT_TOO_DEEP]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.TOO_MANY_REPORTS]: ApiErrorCode.BAD_USER_INPUT,
  [CommonError.UNAUTHENTICATED]: ApiErrorCode.UNAUTHENTICATED,
  [CommonError.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [CommonError.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [CommonError.RATE_LIMITED]: ApiErrorCode.RATE_LIMITED,
  [CommonError.INTERNAL]: ApiErrorCode.INTERNAL_SERVER_ERROR,
});

/** BAD_USER_INPUT with one entry per bad field. */
export function validationFailed(fields: FieldProblem[]): DomainError {
  return new DomainError(ApiErrorCode.BAD_USER_INPUT, CommonError.VALIDATION_FAILED, {}, fields);
}

export function rateLimited(retryAfterSeconds: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new DomainError(ApiErrorCode.RATE_LIMITED, CommonError.RATE_LIMITED, { seconds }, [], seconds);
}

/** Collects field problems and throws them all at once. */
export class FieldProblems {
  private readonly list: FieldProblem[] = [];
  add(field: string, key: string, params?: FieldProblem['params']): this {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, key, params });
    return this;
  }
  has(field: string): boolean {
    return this.list.some((p) => p.field === field);
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (this.list.length) throw validationFailed(this.list);
  }
}
