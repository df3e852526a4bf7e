import { ApiErrorCode, errorFactory } from '@yvc/core';

export enum AnalyticsError {
  /** a unit outside the caller's scope (or a member asking at all) */
  ENGAGEMENT_FORBIDDEN = 'ENGAGEMENT_FORBIDDEN',
  ENGAGEMENT_UNIT_NOT_FOUND = 'ENGAGEMENT_UNIT_NOT_FOUND',
  ENGAGEMENT_TABLE_UNKNOWN = 'ENGAGEMENT_TABLE_UNKNOWN',
}

export const analyticsError = errorFactory<AnalyticsError>({
  [AnalyticsError.ENGAGEMENT_FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [AnalyticsError.ENGAGEMENT_UNIT_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [AnalyticsError.ENGAGEMENT_TABLE_UNKNOWN]: ApiErrorCode.NOT_FOUND,
});
