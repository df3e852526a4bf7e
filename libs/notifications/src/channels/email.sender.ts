import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** becomes the Message-ID, so a resend of one delivery is recognisable downstream */
  reference: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
  listUnsubscribe?: string | null;
}

export class EmailPermanentError extends Error {}
export class EmailTransientError extends Error {}

/** SMTP through nodemailer (SMTP_URL). 5xx answers are permanent; anything else may be retried. */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // a pool of connections kept open (nodemailer's default reconnects every 100 messages); the
    // options go with the URL in one object: as createTransport's second argument they would be
    // message defaults, and every message would open a connection of its own
    this.transport = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      maxMessages: Infinity,
      // a stalled server is given up on within half a delivery lease (see DeliveryLease's fence)
      connectionTimeout: (config.DELIVERY_LEASE_SECONDS * 1000) / 2,
      greetingTimeout: (config.DELIVERY_LEASE_SECONDS * 1000) / 2,
      socketTimeout: (config.DELIVERY_LEASE_SECONDS * 1000) / 2,
    } as never);
    this.domain = new URL(config.PUBLIC_URL).hostname || 'yvc.local';
  }

  async send(mail: OutgoingEmail): Promise<{ messageId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.reference}@${this.domain}>`,
        attachments: mail.attachments,
        // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the link
        headers: mail.listUnsubscribe
          ? {
              'List-Unsubscribe': `<${mail.listUnsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }
          : undefined,
      });
      return { messageId: info.messageId };
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      const reason = `${e.code ?? 'SMTP'} ${e.responseCode ?? ''}`.trim();
      if (e.responseCode && e.responseCode >= 500) throw new EmailPermanentError(reason);
      throw new EmailTransientError(reason);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
