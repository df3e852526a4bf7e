import { ApiErrorCode, errorFactory } from '@yvc/core';

export enum OrgError {
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  CLUB_NOT_FOUND = 'CLUB_NOT_FOUND',
  CLUB_ARCHIVED = 'CLUB_ARCHIVED',
  CLUB_NAME_TAKEN = 'CLUB_NAME_TAKEN',
}

export const orgError = errorFactory<OrgError>({
  [OrgError.UNIT_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [OrgError.CLUB_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [OrgError.CLUB_ARCHIVED]: ApiErrorCode.CONFLICT,
  [OrgError.CLUB_NAME_TAKEN]: ApiErrorCode.CONFLICT,
});
