import { Injectable } from '@nestjs/common';
import { CommonError, commonError } from '@yvc/core';
import { Event, EventStatus, EventsService } from '@yvc/events';
import { AccessPolicy, Actor } from '@yvc/identity';

/** Who is staff of an event (its club's or unit's coordinators, the commission above, admins). */
@Injectable()
export class EventStaffGuard {
  constructor(
    private readonly events: EventsService,
    private readonly policy: AccessPolicy,
  ) {}

  isStaff(actor: Actor | undefined, event: Pick<Event, 'unitId' | 'clubId'>): Promise<boolean> {
    return actor ? this.policy.canStaff(actor, event.unitId, event.clubId) : Promise.resolve(false);
  }

  /** Loads the event (NOT_FOUND) and requires the actor to be its staff (FORBIDDEN). */
  async assert(actor: Actor, eventId: string): Promise<Event> {
    const event = await this.events.get(eventId);
    if (!(await this.isStaff(actor, event))) throw commonError(CommonError.FORBIDDEN);
    return event;
  }

  /** A draft exists only for its staff: to anyone else it is NOT_FOUND. */
  async visible(actor: Actor, event: Event): Promise<Event> {
    if (event.status === EventStatus.DRAFT && !(await this.isStaff(actor, event)))
      throw commonError(CommonError.NOT_FOUND);
    return event;
  }
}
