import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface CaughtMail {
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename?: string; contentType: string; content: string }>;
  /** header name (lower case) -> value, as received */
  headers: Record<string, string>;
  at: Date;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  received: CaughtMail[];
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/**
 * A local SMTP sink for development and tests: accepts every message (no auth, no TLS), keeps it
 * in memory, and shows it over HTTP: GET / (a page), GET /messages (JSON). Port 0 = any free port.
 */
export async function startMailCatcher(
  opts: { smtpPort?: number; httpPort?: number; host?: string } = {},
): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const received: CaughtMail[] = [];
  // loaded here, not at import: the API and the worker import this library but never start a catcher
  const [{ simpleParser }, { SMTPServer }] = await Promise.all([import('mailparser'), import('smtp-server')]);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          received.push({
            messageId: mail.messageId,
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content.toString('utf8'),
            })),
            headers: Object.fromEntries(
              mail.headerLines.map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
            ),
            at: new Date(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(opts.smtpPort ?? 0, host, () => resolve());
  });
  // a sender that goes away mid-message (a worker killed while sending) is not the sink's failure:
  // the message is not kept and the sender sends it again; without a listener the process would die
  smtp.on('error', () => undefined);
  const http: Server = createServer((req, res) => {
    if (req.url?.startsWith('/messages')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(received, null, 2));
      return;
    }
    const rows = [...received]
      .reverse()
      .map(
        (m) =>
          `<li><b>${escapeHtml(m.subject)}</b> → ${escapeHtml(m.to.join(', '))} <small>${m.at.toISOString()}</small><pre>${escapeHtml(m.text)}</pre></li>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>yvc mail</title><h1>Mail caught (${received.length})</h1><ol>${rows}</ol>`,
    );
  });
  await new Promise<void>((resolve) => http.listen(opts.httpPort ?? 0, host, () => resolve()));
  const smtpAddress = (smtp as unknown as { server: Server }).server.address() as AddressInfo;
  return {
    smtpPort: smtpAddress.port,
    httpPort: (http.address() as AddressInfo).port,
    received,
    close: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
