import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CommonError, commonError, localeFromAcceptLanguage } from '@yvc/core';
import { AttendanceExportService } from '@yvc/events';
import { Actor } from '@yvc/identity';
import type { Request, Response } from 'express';
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
    @Req() req: Request & { user?: Actor },
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    if (!req.user) throw commonError(CommonError.UNAUTHENTICATED);
    const event = await this.staffOf.assert(req.user, id);
    const file = await this.exports.csv(event, localeFromAcceptLanguage(req.headers['accept-language']));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return file.body;
  }
}
