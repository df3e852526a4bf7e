import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

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
    const messageId = `<${mail.reference}@${this.domain}>`;
    // the message is built into one buffer first and handed over as it is: streamed by nodemailer,
    // its MIME parts reached the socket in dozens of small writes, each a system call
    const message = new MailComposer({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      attachments: mail.attachments,
      // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the link
      headers: mail.listUnsubscribe
        ? {
            'List-Unsubscribe': `<${mail.listUnsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : undefined,
    }).compile();
    const envelope = message.getEnvelope();
    const raw = await message.build();
    try {
      await this.transport.sendMail({ envelope, raw });
      return { messageId };
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
