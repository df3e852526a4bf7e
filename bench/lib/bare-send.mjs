#!/usr/bin/env node
// The bare-send baseline of bench/reminders.mjs: the same reminder emails and SMS, rendered by the
// same templates, through the same mail library (nodemailer, pooled) and SMS client
// (SmsGatewayClient of @yvc/notifications) to the same sinks, with no database and no queue.
// Run as a child process (the sinks stay in the bench's process, as for the workers):
//   node bench/lib/bare-send.mjs '<json: root, smtpPort, smsUrl, token, emails, sms, connections, inFlight>'
// Prints one JSON line: { emails, sms, seconds, emailSeconds, smsSeconds, failed, rssMb }.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const o = JSON.parse(process.argv[2]);
const require = createRequire(join(o.root, 'package.json'));
const nodemailer = require('nodemailer');
const lib = await import(pathToFileURL(join(o.root, 'dist/libs/notifications/src/index.js')).href);

const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: o.smtpPort,
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: o.connections,
  maxMessages: Infinity,
});
const sms = new lib.SmsGatewayClient({ url: o.smsUrl, token: o.token });
const when = new Intl.DateTimeFormat('kk', {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Almaty',
}).format(new Date());
const context = (i) => ({
  locale: 'kk',
  memberName: `Бенчмарк Еске салу ${i}`,
  eventTitle: 'Reminder bench event 1',
  when,
  venueName: null,
  venueAddress: null,
  qrUrl: `http://localhost:3000/qr/${String(i).padStart(43, 'x')}.png`,
  unsubscribeUrl: `http://localhost:3000/unsubscribe?token=${Buffer.from(String(i)).toString('base64url')}.${'s'.repeat(32)}`,
});

let failed = 0;
async function lanes(count, inFlight, fn) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      while (next < count) {
        const i = next++;
        await fn(i).catch(() => failed++);
      }
    }),
  );
  return (performance.now() - t0) / 1000;
}

let rss = 0;
const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 200);
const t0 = performance.now();
const [emailSeconds, smsSeconds] = await Promise.all([
  lanes(o.emails, o.inFlight, async (i) => {
    const m = lib.renderMessage('REMINDER', context(i));
    await transport.sendMail({
      from: 'Жас сайлаушылар клубы <noreply@yvc.kz>',
      to: `bare.${i}@bench.yvc.kz`,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<bare-${i}@localhost>`,
      headers: {
        'List-Unsubscribe': `<${context(i).unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }),
  lanes(o.sms, o.inFlight, async (i) => {
    const m = lib.renderMessage('REMINDER', context(i));
    await sms.send({ to: `+7702${String(i).padStart(7, '0')}`, text: m.sms, reference: `bare-${i}` });
  }),
]);
const seconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
transport.close();
console.log(
  JSON.stringify({
    emails: o.emails,
    sms: o.sms,
    seconds,
    emailSeconds,
    smsSeconds,
    failed,
    rssMb: rss / 2 ** 20,
  }),
);
