import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { EventKind } from '@yvc/events';
import '../events/event.model';
import { ClubModel } from '../org/club.model';

@InputType('EngagementFilter')
export class EngagementFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'this unit and everything under it (default: your whole scope)',
  })
  unitId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'start of the period (default: 1 January this year, Almaty)',
  })
  from?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'end of the period, exclusive (default: the start of the current minute)',
  })
  to?: Date | null;
}

@ObjectType('UnitEngagement')
export class UnitEngagementModel {
  unitId: string;
  @Field(() => Int) members: number;
  @Field(() => Int, { description: 'attended at least one event in the period' }) activeMembers: number;
  @Field(() => Int) events: number;
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
}

@ObjectType('MonthEngagement')
export class MonthEngagementModel {
  @Field({ description: 'YYYY-MM (Asia/Almaty)' }) month: string;
  @Field(() => Int, { description: 'members who joined in the month' }) newMembers: number;
  @Field(() => Int) events: number;
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
}

@ObjectType('ClubEngagement')
export class ClubEngagementModel {
  clubId: string;
  /** set by EngagementResolver.byClub from the answer's own club fields */
  @Field(() => ClubModel) club: ClubModel;
  @Field() name: string;
  @Field(() => Int, { description: 'members of the club at any time in the period' }) members: number;
  @Field(() => Int) events: number;
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
  @Field(() => Int) noShows: number;
  @Field(() => Float, { description: 'no-shows / (attendances + no-shows) at its ended events; 0 when none' })
  noShowRate: number;
}

@ObjectType('AgeBandEngagement')
export class AgeBandEngagementModel {
  @Field({ description: '14-17, 18-21, 22-25, 26-29, 30-35 (age on the last day), or OTHER' }) band: string;
  @Field(() => Int) members: number;
  @Field(() => Int) activeMembers: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
}

@ObjectType('KindEngagement')
export class KindEngagementModel {
  @Field(() => EventKind) kind: EventKind;
  @Field(() => Int) events: number;
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
}

@ObjectType('FirstTimeVoters')
export class FirstTimeVotersModel {
  @Field(() => Int, { description: 'members who turn 18 in the period (or are 18 on NEXT_ELECTION_DATE)' })
  members: number;
  @Field(() => Int, { description: 'of those, attended an event in the period' }) activeMembers: number;
}

@ObjectType('EngagementFunnel')
export class EngagementFunnelModel {
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int, { description: 'badges earned in the period by people who attended' }) badges: number;
  @Field(() => Int) registeredMembers: number;
  @Field(() => Int) attendedMembers: number;
  @Field(() => Int) badgedMembers: number;
}

@ObjectType('Retention')
export class RetentionModel {
  @Field(() => Int) participants: number;
  @Field(() => Int, { description: 'participants who came to two or more events' }) returning: number;
  @Field(() => Float) rate: number;
}

@ObjectType('Engagement', { description: 'definitions: docs/analytics.md' })
export class EngagementModel {
  @Field(() => Date) from: Date;
  @Field(() => Date) to: Date;
  @Field(() => Int) members: number;
  @Field(() => Int) activeMembers: number;
  @Field(() => Int) events: number;
  @Field(() => Int) registrations: number;
  @Field(() => Int) attendances: number;
  @Field(() => Int) uniqueParticipants: number;
  @Field(() => Float, { description: 'attendances / registrations of events that have ended; 0 when none' })
  attendanceRate: number;
  @Field(() => [UnitEngagementModel], { description: 'the unit itself (what sits at it), then its children' })
  byUnit: UnitEngagementModel[];
  @Field(() => [MonthEngagementModel]) byMonth: MonthEngagementModel[];
  @Field(() => [ClubEngagementModel]) byClub: ClubEngagementModel[];
  @Field(() => [AgeBandEngagementModel]) byAgeBand: AgeBandEngagementModel[];
  @Field(() => [KindEngagementModel]) byKind: KindEngagementModel[];
  @Field(() => FirstTimeVotersModel) firstTimeVoters: FirstTimeVotersModel;
  @Field(() => EngagementFunnelModel) funnel: EngagementFunnelModel;
  @Field(() => RetentionModel) retention: RetentionModel;
  @Field(() => Date, {
    description:
      'when computed; figures are cached up to ENGAGEMENT_CACHE_SECONDS (without `to`: until the minute ends)',
  })
  computedAt: Date;
}
