import { Args, Context, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommonError, commonError, pageRequest, translate } from '@yvc/core';
import { AttendanceExportService, RegistrationStatus, isAttendanceCursor } from '@yvc/events';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { AttendanceConnection, AttendanceEntry } from './attendance.model';
import { EventModel } from './event.model';
import { EventStaffGuard } from './event-staff.guard';

/** Event.attendance: the attendance list, for staff of the event only (as the CSV). */
@Resolver(() => EventModel)
export class AttendanceResolver {
  constructor(
    private readonly attendanceList: AttendanceExportService,
    private readonly staffOf: EventStaffGuard,
  ) {}

  @ResolveField(() => AttendanceConnection, {
    description:
      'Who registered (not cancelled) and who came, walk-ins included, with who checked them in; staff of the event only.',
  })
  async attendance(
    @Parent() e: EventModel,
    @Context() ctx: GqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('status', {
      type: () => RegistrationStatus,
      nullable: true,
      description: 'only this status; WAITLISTED comes in waitlist order',
    })
    status?: RegistrationStatus | null,
    @Args('walkIn', { type: () => Boolean, nullable: true, description: 'only (or no) walk-ins' })
    walkIn?: boolean | null,
  ) {
    if (!(await this.staffOf.isStaff(ctx.req.user, e))) throw commonError(CommonError.FORBIDDEN);
    const page = pageRequest(first, after, isAttendanceCursor);
    const anonymised = translate(ctx.locale, 'labels.anonymisedMember');
    const list = await this.attendanceList.list(e.id, page.first, page.after, { status, walkIn });
    return toConnection({
      ...list,
      items: list.items.map((entry) => ({ ...entry, fullName: entry.fullName ?? anonymised })),
    });
  }
}

/** AttendanceEntry.memberId: only for a member in the caller's scope (a walk-in may come from elsewhere). */
@Resolver(() => AttendanceEntry)
export class AttendanceEntryResolver {
  @ResolveField(() => ID, {
    nullable: true,
    description:
      "the member, for staff actions (certificate, badge); null when the member is outside the caller's scope",
  })
  async memberId(@Parent() entry: AttendanceEntry, @Context() ctx: GqlContext): Promise<string | null> {
    return (await ctx.loaders.memberVisible.load(entry.memberId)) ? entry.memberId : null;
  }
}
