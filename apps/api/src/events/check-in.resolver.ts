import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { translate } from '@yvc/core';
import { CheckInService } from '@yvc/events';
import { Actor } from '@yvc/identity';
import { CurrentActor, Staff } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { OfflineScanInput } from './event.inputs';
import { EventStaffGuard } from './event-staff.guard';
import { WalkInResult } from './attendance.model';
import { CheckInResult, SyncedScanResult } from './registration.model';

/** At the door: staff of the event scan QR codes, from 2 hours before the start until the end. */
@Resolver()
export class CheckInResolver {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly staffOf: EventStaffGuard,
  ) {}

  @Staff()
  @Mutation(() => CheckInResult)
  async checkIn(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('code') code: string,
  ): Promise<CheckInResult> {
    // the staff check is in the check-in's own statement (one round trip per scan)
    return this.checkIns.checkIn(eventId, code, actor);
  }

  @Staff()
  @Mutation(() => [SyncedScanResult], {
    description: 'Scans collected offline; idempotent by scanId; a result per scan.',
  })
  async syncCheckIns(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('scans', { type: () => [OfflineScanInput] }) scans: OfflineScanInput[],
    @Context() ctx: GqlContext,
  ): Promise<SyncedScanResult[]> {
    await this.staffOf.assert(actor, eventId);
    const results = await this.checkIns.sync(eventId, scans, actor);
    return results.map((r) => ({
      scanId: r.scanId,
      outcome: r.outcome,
      registration: r.registration,
      message: r.error ? translate(ctx.locale, `errors.${r.error.reason}`, r.error.params) : null,
    }));
  }

  @Staff()
  @Mutation(() => WalkInResult, {
    description:
      'Registers and checks in any active member on the spot, by email or phone (over capacity when the ' +
      'event is full); answers only the name and membership number. Limited per staff account; the member is told.',
  })
  async walkIn(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('emailOrPhone') emailOrPhone: string,
  ): Promise<WalkInResult> {
    await this.staffOf.assert(actor, eventId);
    const done = await this.checkIns.walkIn(eventId, emailOrPhone, actor);
    return {
      registrationId: done.registration.id,
      status: done.registration.status,
      fullName: done.fullName,
      membershipNumber: done.membershipNumber,
      checkedInAt: done.registration.checkedInAt!,
      alreadyCheckedIn: done.alreadyCheckedIn,
      overCapacity: done.registration.walkIn,
    };
  }
}
