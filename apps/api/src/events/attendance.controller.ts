import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CommonError, commonError, localeFromAcceptLanguage } from '@yvc/core';
import { AttendanceExportService } from '@yvc/events';
import { Actor } from '@yvc/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Staff } from '../common/decorators';
import { EventStaffGuard } from './event-staff.guard';

/** The attendance list of an event as a spreadsheet, for the event's staff only. */
@Controller('events')
export class AttendanceController {
  constructor(
    private readonly exports: AttendanceExportService,
    private readonly staffOf: EventStaffGuard,
  ) {}

  /** Bearer access token (as for GraphQL); the header row is in the Accept-Language (kk by default). */
  @Staff()
  @Get(':id/attendance.csv')
  async attendance(
    @Param('id') id: string,
    @Req() req: FastifyRequest & { user?: Actor },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    if (!req.user) throw commonError(CommonError.UNAUTHENTICATED);
    const event = await this.staffOf.assert(req.user, id);
    const file = await this.exports.csv(event, localeFromAcceptLanguage(req.headers['accept-language']));
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.header('Cache-Control', 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    return file.body;
  }
}
