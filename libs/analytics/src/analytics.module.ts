import { Module } from '@nestjs/common';
import { IdentityModule } from '@yvc/identity';
import { EngagementScopeResolver } from './engagement-scope';
import { EngagementService } from './engagement.service';
import { HotQuestions } from './hot-questions';
import { EngagementIndex } from './resident/engagement-index';

/** Engagement analytics for commissions and coordinators (docs/analytics.md). */
@Module({
  imports: [IdentityModule],
  providers: [EngagementScopeResolver, EngagementService, HotQuestions, EngagementIndex],
  exports: [EngagementService, EngagementScopeResolver, EngagementIndex],
})
export class AnalyticsModule {}
