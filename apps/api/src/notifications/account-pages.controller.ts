import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Locale, localeFromAcceptLanguage, translate } from '@yvc/core';
import { RegistrationStatus, RegistrationsService } from '@yvc/events';
import { AccountTokensService, MembersService } from '@yvc/identity';
import { verifyUnsubscribeToken } from '@yvc/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Public } from '../common/decorators';
import { QueryParam } from '../common/query-param';

const page = (locale: Locale, body: string) =>
  `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${translate(locale, 'pages.siteName')}</title><body style="font-family:sans-serif;max-width:32em;margin:3em auto">${body}</body></html>`;

/** The pages behind the links in emails: they work without logging in. */
@Controller()
export class AccountPagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersService,
    private readonly tokens: AccountTokensService,
    private readonly registrations: RegistrationsService,
  ) {}

  /**
   * The link in every email: a page asking to confirm, changing nothing (mail scanners and link
   * previews open links by GET; they must not unsubscribe anyone).
   */
  @Public()
  @Get('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribePage(
    @QueryParam('token') token: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<string> {
    const { member, locale } = await this.unsubscribing(token, req);
    if (!member) return page(locale, `<p>${translate(locale, 'pages.account.badLink')}</p>`);
    const action = `/unsubscribe?token=${encodeURIComponent(token ?? '')}`;
    return page(
      locale,
      `<p>${translate(locale, 'pages.account.unsubscribeQuestion')}</p>` +
        `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
        `<button>${translate(locale, 'pages.account.unsubscribeButton')}</button></form>`,
    );
  }

  /**
   * Turns email notifications off for the member the signed token names: the page's button, or a
   * mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`). No login; doing it twice
   * is harmless.
   */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(
    @QueryParam('token') token: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<string> {
    const { member, locale } = await this.unsubscribing(token, req);
    if (!member) return page(locale, `<p>${translate(locale, 'pages.account.badLink')}</p>`);
    await this.members.setEmailOptIn(member.id, false);
    return page(locale, `<p>${translate(locale, 'pages.account.unsubscribed')}</p>`);
  }

  /** The member a signed unsubscribe token names (or null), and the language to answer in. */
  private async unsubscribing(token: string | undefined, req: FastifyRequest) {
    const memberId = verifyUnsubscribeToken(token ?? '', this.config.JWT_SECRET);
    const member = memberId ? await this.members.get(memberId).catch(() => null) : null;
    const locale = member
      ? (member.locale.toLowerCase() as Locale)
      : localeFromAcceptLanguage(req.headers['accept-language']);
    return { member, locale };
  }

  @Public()
  @Get('account/verify-email')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async verifyEmail(
    @QueryParam('token') token: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<string> {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    return page(
      locale,
      `<p>${(await this.tokens.verifyEmail(token ?? '')) ? translate(locale, 'pages.account.verified') : translate(locale, 'pages.account.badLink')}</p>`,
    );
  }

  /** A minimal form that calls the resetPassword mutation, for when the web app is not built (it answers browsers otherwise). */
  @Public()
  @Get('account/reset-password')
  @Header('Content-Type', 'text/html; charset=utf-8')
  resetPasswordPage(@Req() req: FastifyRequest): string {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const t = (key: string) => translate(locale, `pages.account.${key}`);
    return page(
      locale,
      `<h1>${t('resetTitle')}</h1><form id="f"><label>${t('newPassword')}<br><input id="p" type="password" minlength="8" required autocomplete="new-password"></label>
<p><button>${t('save')}</button></p></form><p id="out" role="status"></p>
<script>
document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const token = new URLSearchParams(location.search).get('token') || '';
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': '${locale}' },
    body: JSON.stringify({ query: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', variables: { t: token, p: document.getElementById('p').value } }) });
  const body = await res.json();
  document.getElementById('out').textContent = body.errors ? (body.errors[0].extensions.fields?.[0]?.message || body.errors[0].message) : ${JSON.stringify(t('resetDone'))};
};
</script>`,
    );
  }

  /**
   * The member's QR code (the check-in code is the secret; the link is only in their own email).
   * Only a registration that holds (or held, and used) a seat shows the code; a cancelled one
   * answers 410 with a page saying so, a waitlisted one a page saying it has no seat yet, both in
   * the member's language. Not cached for long: the answer changes with the registration.
   */
  @Public()
  @Get('qr/:file')
  async qr(@Param('file') file: string, @Res() res: FastifyReply): Promise<void> {
    const code = file.replace(/\.png$/, '');
    const reg = /^[A-Za-z0-9_-]{20,64}$/.test(code) ? await this.registrations.findByCheckInCode(code) : null;
    if (!reg) {
      void res.code(404).send();
      return;
    }
    if (reg.status === RegistrationStatus.CANCELLED || reg.status === RegistrationStatus.WAITLISTED) {
      const member = await this.members.get(reg.memberId).catch(() => null);
      const locale: Locale = member ? (member.locale.toLowerCase() as Locale) : 'kk';
      const cancelled = reg.status === RegistrationStatus.CANCELLED;
      void res
        .code(cancelled ? 410 : 409)
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(
          page(
            locale,
            `<p>${translate(locale, cancelled ? 'pages.qr.cancelled' : 'pages.qr.waitlisted')}</p>`,
          ),
        );
      return;
    }
    const png = await QRCode.toBuffer(code, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 360,
    });
    res.header('Content-Type', 'image/png');
    // the phone at the door may show it offline, but must ask again once online
    res.header('Cache-Control', 'private, no-cache');
    void res.send(png);
  }
}
