import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Locale, localeFromAcceptLanguage } from '@yvc/core';
import { AccountTokensService, MembersService } from '@yvc/identity';
import { verifyUnsubscribeToken } from '@yvc/notifications';
import type { Request, Response } from 'express';
import QRCode from 'qrcode';
import { Public } from '../common/decorators';

const TEXT: Record<
  Locale,
  Record<
    'unsubscribed' | 'badLink' | 'verified' | 'resetTitle' | 'newPassword' | 'save' | 'resetDone',
    string
  >
> = {
  kk: {
    unsubscribed: 'Сіз хаттардан бас тарттыңыз. Баптауларды профиліңізден қайта қосуға болады.',
    badLink: 'Сілтеме жарамсыз немесе мерзімі өткен.',
    verified: 'Email мекенжайыңыз расталды. Рақмет!',
    resetTitle: 'Жаңа құпиясөз',
    newPassword: 'Жаңа құпиясөз (кемінде 8 таңба)',
    save: 'Сақтау',
    resetDone: 'Құпиясөз өзгертілді. Енді жүйеге кіре аласыз.',
  },
  ru: {
    unsubscribed: 'Вы отписались от писем. Включить их снова можно в профиле.',
    badLink: 'Ссылка недействительна или устарела.',
    verified: 'Ваш email подтверждён. Спасибо!',
    resetTitle: 'Новый пароль',
    newPassword: 'Новый пароль (не короче 8 символов)',
    save: 'Сохранить',
    resetDone: 'Пароль изменён. Теперь можно войти.',
  },
  en: {
    unsubscribed: 'You are unsubscribed from emails. You can turn them back on in your profile.',
    badLink: 'This link is invalid or has expired.',
    verified: 'Your email address is confirmed. Thank you!',
    resetTitle: 'New password',
    newPassword: 'New password (at least 8 characters)',
    save: 'Save',
    resetDone: 'Your password is changed. You can log in now.',
  },
};

const page = (locale: Locale, body: string) =>
  `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>Жас сайлаушылар клубы</title><body style="font-family:sans-serif;max-width:32em;margin:3em auto">${body}</body></html>`;

/** The pages behind the links in emails: they work without logging in. */
@Controller()
export class AccountPagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersService,
    private readonly tokens: AccountTokensService,
  ) {}

  /** One click, no login: turns email notifications off for the member the signed token names. */
  @Public()
  @Get('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('token') token: string, @Req() req: Request): Promise<string> {
    const memberId = verifyUnsubscribeToken(token, this.config.JWT_SECRET);
    const member = memberId ? await this.members.get(memberId).catch(() => null) : null;
    const locale = member
      ? (member.locale.toLowerCase() as Locale)
      : localeFromAcceptLanguage(req.headers['accept-language']);
    if (!member) return page(locale, `<p>${TEXT[locale].badLink}</p>`);
    await this.members.setEmailOptIn(member.id, false);
    return page(locale, `<p>${TEXT[locale].unsubscribed}</p>`);
  }

  @Public()
  @Get('account/verify-email')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async verifyEmail(@Query('token') token: string, @Req() req: Request): Promise<string> {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    return page(
      locale,
      `<p>${(await this.tokens.verifyEmail(token)) ? TEXT[locale].verified : TEXT[locale].badLink}</p>`,
    );
  }

  /** A minimal form that calls the resetPassword mutation (until the web app has its own page). */
  @Public()
  @Get('account/reset-password')
  @Header('Content-Type', 'text/html; charset=utf-8')
  resetPasswordPage(@Req() req: Request): string {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const t = TEXT[locale];
    return page(
      locale,
      `<h1>${t.resetTitle}</h1><form id="f"><label>${t.newPassword}<br><input id="p" type="password" minlength="8" required autocomplete="new-password"></label>
<p><button>${t.save}</button></p></form><p id="out" role="status"></p>
<script>
document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const token = new URLSearchParams(location.search).get('token') || '';
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': '${locale}' },
    body: JSON.stringify({ query: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', variables: { t: token, p: document.getElementById('p').value } }) });
  const body = await res.json();
  document.getElementById('out').textContent = body.errors ? (body.errors[0].extensions.fields?.[0]?.message || body.errors[0].message) : ${JSON.stringify(t.resetDone)};
};
</script>`,
    );
  }

  /** The member's QR code (the check-in code is the secret; the link is only in their own email). */
  @Public()
  @Get('qr/:file')
  async qr(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const code = file.replace(/\.png$/, '');
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(code)) {
      res.status(404).end();
      return;
    }
    const png = await QRCode.toBuffer(code, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 360,
    });
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.end(png);
  }
}
