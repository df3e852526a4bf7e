import { ApiErrorCode, errorFactory } from '@yvc/core';

export enum IdentityError {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  ACCOUNT_INACTIVE = 'ACCOUNT_INACTIVE',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  IIN_TAKEN = 'IIN_TAKEN',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_STAFF = 'NOT_STAFF',
}

export const identityError = errorFactory<IdentityError>({
  [IdentityError.INVALID_CREDENTIALS]: ApiErrorCode.UNAUTHENTICATED,
  [IdentityError.INVALID_REFRESH_TOKEN]: ApiErrorCode.UNAUTHENTICATED,
  [IdentityError.REFRESH_TOKEN_REUSED]: ApiErrorCode.UNAUTHENTICATED,
  [IdentityError.ACCOUNT_INACTIVE]: ApiErrorCode.UNAUTHENTICATED,
  [IdentityError.EMAIL_TAKEN]: ApiErrorCode.CONFLICT,
  [IdentityError.IIN_TAKEN]: ApiErrorCode.CONFLICT,
  [IdentityError.MEMBER_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [IdentityError.NOT_STAFF]: ApiErrorCode.BAD_USER_INPUT,
});
