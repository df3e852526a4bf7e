import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { Locale, localeFromAcceptLanguage } from '@yvc/core';
import { BadgesService, StatusListService, badgeSvg, badgeTexts, isStatusListId } from '@yvc/credentials';
import { MemberStatus, MembersService } from '@yvc/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/decorators';

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

const TEXT: Record<Locale, Record<'criteria' | 'awarded' | 'holder' | 'valid' | 'revoked', string>> = {
  kk: {
    criteria: 'Шарты',
    awarded: 'Берілген күні',
    holder: 'Иесі',
    valid: 'Жарамды',
    revoked: 'Кері қайтарылған',
  },
  ru: { criteria: 'Условие', awarded: 'Дата', holder: 'Владелец', valid: 'Действителен', revoked: 'Отозван' },
  en: { criteria: 'Criteria', awarded: 'Awarded', holder: 'Holder', valid: 'Valid', revoked: 'Revoked' },
};

const page = (locale: Locale, title: string, body: string) =>
  `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${esc(title)}</title><body style="font-family:sans-serif;max-width:32em;margin:3em auto">${body}</body></html>`;

const initials = (fullName: string) =>
  fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0].toUpperCase()}.`)
    .join(' ');

/** Public pages of badges: the image, the badge, one award (initials only). No login. */
@Controller('badges')
export class BadgesController {
  constructor(
    private readonly badges: BadgesService,
    private readonly members: MembersService,
  ) {}

  @Public()
  @Get('awards/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async award(@Param('id') id: string, @Req() req: FastifyRequest): Promise<string> {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const award = await this.badges.getAward(id);
    const t = badgeTexts(award.badgeClass!, locale);
    const member = await this.members.get(award.memberId).catch(() => null);
    // a holder who withdrew consent is nobody: no holder line at all
    const holder = member && member.status !== MemberStatus.WITHDRAWN ? initials(member.fullName) : null;
    const revoked = !!award.revokedAt;
    return page(
      locale,
      t.name,
      `<img src="${esc(this.badges.imageUrl(award.badgeClass!.code))}" width="128" height="128" alt="">` +
        `<h1>${esc(t.name)}</h1><p>${esc(t.description)}</p>` +
        (holder ? `<p>${TEXT[locale].holder}: ${esc(holder)}</p>` : '') +
        `<p>${TEXT[locale].awarded}: ${award.awardedAt.toISOString().slice(0, 10)}</p>` +
        `<p data-status="${revoked ? 'revoked' : 'valid'}"><strong>${TEXT[locale][revoked ? 'revoked' : 'valid']}</strong></p>`,
    );
  }

  /** GET /badges/<code>.svg (the image) or /badges/<code> (the badge's page). */
  @Public()
  @Get(':file')
  async badge(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const svg = file.endsWith('.svg');
    const c = await this.badges.classByCode(svg ? file.slice(0, -4) : file);
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const t = badgeTexts(c, locale);
    if (svg) {
      void res
        .type('image/svg+xml')
        .header('Cache-Control', 'public, max-age=86400')
        .send(badgeSvg(c.code, t.name));
      return;
    }
    void res
      .type('text/html; charset=utf-8')
      .send(
        page(
          locale,
          t.name,
          `<img src="${esc(this.badges.imageUrl(c.code))}" width="128" height="128" alt="">` +
            `<h1>${esc(t.name)}</h1><p>${esc(t.description)}</p><p>${TEXT[locale].criteria}: ${esc(t.criteria)}</p>`,
        ),
      );
  }
}

/** Our revocation lists (1: badge awards, 2: certificates), as signed VC-JWTs (Bitstring Status List). */
@Controller('credentials/status')
export class StatusListController {
  constructor(private readonly lists: StatusListService) {}

  @Public()
  @Get(':list')
  async statusList(@Param('list') list: string, @Res() res: FastifyReply): Promise<void> {
    if (!isStatusListId(list)) {
      void res.code(404).type('text/html; charset=utf-8').send('not found');
      return;
    }
    void res
      .type('application/vc+jwt')
      .header('Cache-Control', 'public, max-age=60')
      .send(await this.lists.jwt(list));
  }
}
