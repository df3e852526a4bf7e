import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { CommonError, Locale, commonError, isLocale, localeFromAcceptLanguage, translate } from '@yvc/core';
import { CertificateStatus, CertificatesService, VerifyThrottle, cardDate } from '@yvc/credentials';
import { AccessPolicy, Actor } from '@yvc/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Public } from '../common/decorators';
import { QueryParam } from '../common/query-param';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public verify page behind the certificate's QR code, and the printable card. */
@Controller()
export class CertificatePagesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttle: VerifyThrottle,
    private readonly policy: AccessPolicy,
  ) {}

  /** kk / ru / en from ?lang= or Accept-Language; checks the signed credential in ?c= when present. */
  @Public()
  @Get('verify/:number')
  async verify(
    @Param('number') number: string,
    @QueryParam('lang') lang: string | undefined,
    @QueryParam('c') credential: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const locale: Locale = isLocale(lang) ? lang : localeFromAcceptLanguage(req.headers['accept-language']);
    const t = (key: string) => translate(locale, `pages.certificate.${key}`);
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Cache-Control', 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    await this.throttle.consume(req.ip ?? 'unknown');
    const link = typeof credential === 'string' ? credential : null;
    const check = await this.certificates.check(number, link);
    const signature = check.status ? await this.certificates.checkLink(check.number, link) : null;
    const headline = !check.status
      ? t('notFound')
      : check.status === CertificateStatus.VALID
        ? t('valid')
        : check.status === CertificateStatus.REVOKED
          ? t('revoked')
          : t('expired');
    const color = check.valid ? '#1e7e34' : '#b02a37';
    const rows: Array<[string, string]> = [[t('number'), check.number]];
    if (check.holderName) rows.push([t('holder'), check.holderName]);
    if (check.issuer) rows.push([t('issuer'), check.issuer]);
    if (check.issuedAt) rows.push([t('issuedAt'), cardDate(check.issuedAt)]);
    if (check.expiresAt && check.status !== CertificateStatus.REVOKED)
      rows.push([t('expiresAt'), cardDate(check.expiresAt)]);
    const body =
      `<h1>${escape(t('title'))}</h1>` +
      `<p id="status" data-status="${check.status ?? 'NOT_FOUND'}" style="font-size:1.4em;color:${color}"><strong>${escape(headline)}</strong></p>` +
      `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>` +
      (signature === null
        ? ''
        : `<p id="signature" data-valid="${signature}">${escape(signature ? t('signatureOk') : t('signatureBad'))}</p>`);
    return (
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>${escape(t('title'))}</title><body style="font-family:sans-serif;max-width:32em;margin:3em auto">${body}</body></html>`
    );
  }

  /** The card as PDF, for the member and staff in scope (Bearer access token). */
  @Authenticated()
  @Get('certificates/:id.pdf')
  async pdf(
    @Param('id') id: string,
    @Req() req: FastifyRequest & { user?: Actor },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const actor = req.user;
    if (!actor) throw commonError(CommonError.UNAUTHENTICATED);
    const cert = await this.certificates.get(id);
    if (actor.memberId !== cert.memberId)
      await this.policy.assert(this.policy.canSeeMember(actor, cert.memberId));
    const pdf = await this.certificates.pdf(cert);
    res.header('Cache-Control', 'private, no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${cert.number}.pdf"`,
      length: pdf.length,
    });
  }
}
