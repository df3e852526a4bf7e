import { ApiErrorCode, errorFactory } from '@yvc/core';

export enum CredentialsError {
  CERTIFICATE_NOT_FOUND = 'CERTIFICATE_NOT_FOUND',
  CERTIFICATE_NOT_VALID = 'CERTIFICATE_NOT_VALID',
  CERTIFICATE_MEMBER_NOT_ELIGIBLE = 'CERTIFICATE_MEMBER_NOT_ELIGIBLE',
  CERTIFICATE_CONCURRENT_CHANGE = 'CERTIFICATE_CONCURRENT_CHANGE',
}

export const credentialsError = errorFactory<CredentialsError>({
  [CredentialsError.CERTIFICATE_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [CredentialsError.CERTIFICATE_NOT_VALID]: ApiErrorCode.CONFLICT,
  [CredentialsError.CERTIFICATE_MEMBER_NOT_ELIGIBLE]: ApiErrorCode.CONFLICT,
  [CredentialsError.CERTIFICATE_CONCURRENT_CHANGE]: ApiErrorCode.CONFLICT,
});
