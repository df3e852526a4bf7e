import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { localeFromAcceptLanguage } from '@yvc/core';
import { CalendarService, IcsFile } from '@yvc/events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/decorators';

const ICS_TYPE = 'text/calendar; charset=utf-8';

function sendIcs(
  res: FastifyReply,
  file: IcsFile,
  disposition: 'attachment' | 'inline',
  cache: string,
): string {
  res.header('Content-Type', ICS_TYPE);
  res.header('Content-Disposition', `${disposition}; filename="${file.filename}"`);
  res.header('Cache-Control', cache);
  res.header('X-Content-Type-Options', 'nosniff');
  return file.body;
}

/** iCalendar files: one published event, and a member's personal feed (the token is the key). */
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Anyone may add a published (or cancelled, or past) event to their calendar; drafts are 404. */
  @Public()
  @Get('events/:id.ics')
  async eventIcs(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const file = await this.calendar.eventIcs(id, localeFromAcceptLanguage(req.headers['accept-language']));
    res.header('Vary', 'Accept-Language');
    return sendIcs(res, file, 'attachment', 'public, max-age=300');
  }

  /** What a calendar app polls; no login: the unguessable token in the path is the credential. */
  @Public()
  @Get('calendar/:token.ics')
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const file = await this.calendar.feedIcs(token);
    res.header('Referrer-Policy', 'no-referrer');
    return sendIcs(res, file, 'inline', 'private, no-cache');
  }
}
