import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommonError, commonError, pageRequest, translate } from '@yvc/core';
import { AttendanceExportService, isRegistrationCursor } from '@yvc/events';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { AttendanceConnection } from './attendance.model';
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
  ) {
    if (!(await this.staffOf.isStaff(ctx.req.user, e))) throw commonError(CommonError.FORBIDDEN);
    const page = pageRequest(first, after, isRegistrationCursor);
    const anonymised = translate(ctx.locale, 'labels.anonymisedMember');
    const list = await this.attendanceList.list(e.id, page.first, page.after);
    return toConnection({
      ...list,
      items: list.items.map((entry) => ({ ...entry, fullName: entry.fullName ?? anonymised })),
    });
  }
}
