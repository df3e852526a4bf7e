import { Body, Controller, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommonError, FieldProblems, commonError, localeFromAcceptLanguage, translate } from '@yvc/core';
import { CheckInService } from '@yvc/events';
import { Actor } from '@yvc/identity';
import type { FastifyRequest } from 'fastify';
import { Staff } from '../common/decorators';

/** What the door's POST answers: the names of the GraphQL `checkIn` result, only what the door shows. */
export interface DoorCheckInAnswer {
  alreadyCheckedIn: boolean;
  registration: {
    id: string;
    status: string;
    checkedInAt: string | null;
    member: { fullName: string };
  };
}

/**
 * The door's scan as a plain POST, for the scanner page: `POST /check-in/<event id>` with
 * `{"code": "..."}` and the staff's Bearer token. The same rules, statement and errors as the
 * `checkIn` mutation (errors as `{"error": {message, extensions: {code, reason}}}` with the HTTP
 * status of the code, in the Accept-Language), the registrant's name included, without the
 * GraphQL pipeline: a scan costs the API about 0.45 CPU-ms instead of 0.7 (docs/performance.md).
 * The member is named, never identified (no member id: staff outside the member's scope may scan a
 * walk-in's code, and GraphQL shows them no Member either); a withdrawn member is "anonymised".
 */
@Controller('check-in')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Staff()
  @Post(':eventId')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async checkIn(
    @Param('eventId') eventId: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest & { user?: Actor },
  ): Promise<DoorCheckInAnswer> {
    if (!req.user) throw commonError(CommonError.UNAUTHENTICATED);
    const code = (body as { code?: unknown } | null | undefined)?.code;
    if (code === undefined || code === null || (typeof code === 'string' && code.trim() === ''))
      new FieldProblems().add('code', 'validation.required').throwIfAny();
    if (typeof code !== 'string') new FieldProblems().add('code', 'validation.invalidValue').throwIfAny();
    const done = await this.checkIns.checkInAtDoor(eventId, code as string, req.user);
    return {
      alreadyCheckedIn: done.alreadyCheckedIn,
      registration: {
        id: done.registrationId,
        status: done.status,
        checkedInAt: done.checkedInAt?.toISOString() ?? null,
        member: {
          fullName:
            done.fullName ??
            translate(localeFromAcceptLanguage(req.headers['accept-language']), 'labels.anonymisedMember'),
        },
      },
    };
  }
}
