import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import {
  AnalyticsError,
  EngagementService,
  analyticsError,
  engagementCsv,
  isEngagementTable,
} from '@yvc/analytics';
import { CommonError, FieldProblems, commonError, localeFromAcceptLanguage, parseDateTime } from '@yvc/core';
import { Actor } from '@yvc/identity';
import { UnitsService, unitName } from '@yvc/org';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Staff } from '../common/decorators';
import { QueryParam } from '../common/query-param';

/**
 * GET /engagement/<table>.csv?unitId=&from=&to= with the Bearer token (as for GraphQL): one table
 * of Query.engagement as a spreadsheet (UTF-8 with BOM), headers in the Accept-Language.
 */
@Controller('engagement')
export class EngagementExportController {
  constructor(
    private readonly engagement: EngagementService,
    private readonly units: UnitsService,
  ) {}

  @Staff()
  @Get(':table.csv')
  async table(
    @Param('table') table: string,
    @QueryParam('unitId') unitId: string | undefined,
    @QueryParam('from') from: string | undefined,
    @QueryParam('to') to: string | undefined,
    @Req() req: FastifyRequest & { user?: Actor },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    if (!req.user) throw commonError(CommonError.UNAUTHENTICATED);
    if (!isEngagementTable(table)) throw analyticsError(AnalyticsError.ENGAGEMENT_TABLE_UNKNOWN);
    const problems = new FieldProblems();
    const when = (field: 'from' | 'to', v: string | undefined) => {
      if (v === undefined || v === '') return null;
      const d = typeof v === 'string' ? parseDateTime(v) : null;
      if (!d) problems.add(field, 'validation.invalidValue');
      return d;
    };
    const filter = { unitId: unitId || null, from: when('from', from), to: when('to', to) };
    problems.throwIfAny();
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const report = await this.engagement.report(req.user, filter);
    const names = new Map((await this.units.findAll()).map((u) => [u.id, unitName(u, locale)]));
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header(
      'Content-Disposition',
      `attachment; filename="engagement-${table}-${report.from.toISOString().slice(0, 10)}.csv"`,
    );
    res.header('Cache-Control', 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    return engagementCsv(report, table, locale, (id) => names.get(id) ?? id);
  }
}
