import { ApiErrorCode, errorFactory } from '@yvc/core';

export enum BadgesError {
  BADGE_NOT_FOUND = 'BADGE_NOT_FOUND',
  BADGE_NOT_MANUAL = 'BADGE_NOT_MANUAL',
  BADGE_AWARD_NOT_FOUND = 'BADGE_AWARD_NOT_FOUND',
  BADGE_AWARD_REVOKED = 'BADGE_AWARD_REVOKED',
}

export const badgesError = errorFactory<BadgesError>({
  [BadgesError.BADGE_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [BadgesError.BADGE_NOT_MANUAL]: ApiErrorCode.BAD_USER_INPUT,
  [BadgesError.BADGE_AWARD_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [BadgesError.BADGE_AWARD_REVOKED]: ApiErrorCode.CONFLICT,
});
