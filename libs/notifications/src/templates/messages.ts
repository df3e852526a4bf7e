import { Locale } from '@yvc/core';
import { NotificationKind } from '../notification.entity';

/** What a message may mention; every text is already in the member's language. */
export interface MessageContext {
  locale: Locale;
  memberName: string;
  eventTitle?: string;
  /** the start the local way, e.g. "5 ақпан, 10:00" */
  when?: string;
  previousWhen?: string;
  /** when a walk-in was checked in, the local way */
  checkedInWhen?: string;
  venueName?: string | null;
  venueAddress?: string | null;
  wheelchairAccessible?: boolean;
  signLanguage?: boolean;
  reason?: string | null;
  waitlistPosition?: number | null;
  qrUrl?: string | null;
  link?: string | null;
  unsubscribeUrl?: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** short: one SMS segment where possible (70 Cyrillic characters) */
  sms: string;
}

type Words = {
  hello: (n: string) => string;
  kinds: Record<
    NotificationKind,
    {
      subject: (c: MessageContext) => string;
      body: (c: MessageContext) => string;
      sms: (c: MessageContext) => string;
    }
  >;
  venue: string;
  wheelchair: string;
  signLanguage: string;
  qr: string;
  unsubscribe: string;
};

const q = (t?: string) => `«${t ?? ''}»`;

const WORDS: Record<Locale, Words> = {
  kk: {
    hello: (n) => `Сәлеметсіз бе, ${n}!`,
    venue: 'Өтетін орны',
    wheelchair: 'Мүгедектер арбасымен кіруге болады.',
    signLanguage: 'Ымдау тіліне аударма болады.',
    qr: 'Кіреберісте көрсететін QR-кодыңыз',
    unsubscribe: 'Хаттардан бас тарту',
    kinds: {
      REGISTERED: {
        subject: (c) => `Тіркелдіңіз: ${q(c.eventTitle)}`,
        body: (c) => `Сіз ${q(c.eventTitle)} іс-шарасына тіркелдіңіз. Басталуы: ${c.when}.`,
        sms: (c) => `Тіркелдіңіз: ${q(c.eventTitle)}, ${c.when}`,
      },
      WAITLISTED: {
        subject: (c) => `Күту тізімі: ${q(c.eventTitle)}`,
        body: (c) =>
          `${q(c.eventTitle)} іс-шарасында орын жоқ, сіз күту тізімінде ${c.waitlistPosition}-орындасыз. Орын босаса, хабарлаймыз.`,
        sms: (c) => `Күту тізімі №${c.waitlistPosition}: ${q(c.eventTitle)}`,
      },
      PROMOTED: {
        subject: (c) => `Орын босады: ${q(c.eventTitle)}`,
        body: (c) =>
          `Жақсы жаңалық: ${q(c.eventTitle)} іс-шарасында сізге орын табылды. Басталуы: ${c.when}.`,
        sms: (c) => `Орын табылды: ${q(c.eventTitle)}, ${c.when}`,
      },
      REGISTRATION_CANCELLED: {
        subject: (c) => `Тіркелудің күші жойылды: ${q(c.eventTitle)}`,
        body: (c) => `${q(c.eventTitle)} (${c.when}) іс-шарасына тіркелуіңіздің күші жойылды.`,
        sms: (c) => `Тіркелу жойылды: ${q(c.eventTitle)}`,
      },
      EVENT_CANCELLED: {
        subject: (c) => `Іс-шара өтпейді: ${q(c.eventTitle)}`,
        body: (c) => `Өкінішке орай, ${q(c.eventTitle)} (${c.when}) іс-шарасы өтпейді. Себебі: ${c.reason}.`,
        sms: (c) => `Өтпейді: ${q(c.eventTitle)}, ${c.when}`,
      },
      EVENT_MOVED: {
        subject: (c) => `Уақыты өзгерді: ${q(c.eventTitle)}`,
        body: (c) => `${q(c.eventTitle)} іс-шарасының уақыты өзгерді: ${c.previousWhen} емес, ${c.when}.`,
        sms: (c) => `Жаңа уақыт: ${q(c.eventTitle)}, ${c.when}`,
      },
      REMINDER: {
        subject: (c) => `Еске салу: ${q(c.eventTitle)}, ${c.when}`,
        body: (c) => `${q(c.eventTitle)} іс-шарасы ${c.when} басталады. Күтеміз!`,
        sms: (c) => `Еске салу: ${q(c.eventTitle)}, ${c.when}`,
      },
      PASSWORD_RESET: {
        subject: () => 'Құпиясөзді қалпына келтіру',
        body: (c) =>
          `Жаңа құпиясөз орнату үшін сілтемені ашыңыз (1 сағат жарамды, бір рет): ${c.link}\nЕгер сіз сұрамасаңыз, бұл хатты елемеңіз.`,
        sms: () => 'Құпиясөзді қалпына келтіру сілтемесі email-ге жіберілді',
      },
      EMAIL_VERIFICATION: {
        subject: () => 'Email мекенжайыңызды растаңыз',
        body: (c) =>
          `Жас сайлаушылар клубына қош келдіңіз! Мекенжайыңызды растау үшін сілтемені ашыңыз: ${c.link}`,
        sms: () => 'Email мекенжайыңызды растаңыз',
      },
      WALK_IN_RECORDED: {
        subject: (c) => `Қатысуыңыз белгіленді: ${q(c.eventTitle)}`,
        body: (c) =>
          `Сіз ${q(c.eventTitle)} іс-шарасына кіреберісте қатысушы ретінде белгілендіңіз (${c.checkedInWhen}). Егер бұл сіз болмасаңыз, ұйымдастырушыларға хабарлаңыз.`,
        sms: (c) => `Белгілендіңіз: ${q(c.eventTitle)}, ${c.checkedInWhen}`,
      },
    },
  },
  ru: {
    hello: (n) => `Здравствуйте, ${n}!`,
    venue: 'Место проведения',
    wheelchair: 'Есть доступ для инвалидных колясок.',
    signLanguage: 'Будет сурдоперевод.',
    qr: 'Ваш QR-код для входа',
    unsubscribe: 'Отписаться от писем',
    kinds: {
      REGISTERED: {
        subject: (c) => `Вы зарегистрированы: ${q(c.eventTitle)}`,
        body: (c) => `Вы зарегистрированы на мероприятие ${q(c.eventTitle)}. Начало: ${c.when}.`,
        sms: (c) => `Вы зарегистрированы: ${q(c.eventTitle)}, ${c.when}`,
      },
      WAITLISTED: {
        subject: (c) => `Лист ожидания: ${q(c.eventTitle)}`,
        body: (c) =>
          `Мест на ${q(c.eventTitle)} нет, вы в листе ожидания под номером ${c.waitlistPosition}. Сообщим, если место освободится.`,
        sms: (c) => `Лист ожидания №${c.waitlistPosition}: ${q(c.eventTitle)}`,
      },
      PROMOTED: {
        subject: (c) => `Место освободилось: ${q(c.eventTitle)}`,
        body: (c) => `Хорошая новость: для вас нашлось место на ${q(c.eventTitle)}. Начало: ${c.when}.`,
        sms: (c) => `Место нашлось: ${q(c.eventTitle)}, ${c.when}`,
      },
      REGISTRATION_CANCELLED: {
        subject: (c) => `Регистрация отменена: ${q(c.eventTitle)}`,
        body: (c) => `Ваша регистрация на ${q(c.eventTitle)} (${c.when}) отменена.`,
        sms: (c) => `Регистрация отменена: ${q(c.eventTitle)}`,
      },
      EVENT_CANCELLED: {
        subject: (c) => `Мероприятие отменено: ${q(c.eventTitle)}`,
        body: (c) =>
          `К сожалению, мероприятие ${q(c.eventTitle)} (${c.when}) отменено. Причина: ${c.reason}.`,
        sms: (c) => `Отменено: ${q(c.eventTitle)}, ${c.when}`,
      },
      EVENT_MOVED: {
        subject: (c) => `Время изменилось: ${q(c.eventTitle)}`,
        body: (c) => `Мероприятие ${q(c.eventTitle)} перенесено: было ${c.previousWhen}, теперь ${c.when}.`,
        sms: (c) => `Новое время: ${q(c.eventTitle)}, ${c.when}`,
      },
      REMINDER: {
        subject: (c) => `Напоминание: ${q(c.eventTitle)}, ${c.when}`,
        body: (c) => `Мероприятие ${q(c.eventTitle)} начнётся ${c.when}. Ждём вас!`,
        sms: (c) => `Напоминание: ${q(c.eventTitle)}, ${c.when}`,
      },
      PASSWORD_RESET: {
        subject: () => 'Восстановление пароля',
        body: (c) =>
          `Чтобы задать новый пароль, откройте ссылку (действует 1 час, один раз): ${c.link}\nЕсли вы не запрашивали, просто проигнорируйте письмо.`,
        sms: () => 'Ссылка для восстановления пароля отправлена на email',
      },
      EMAIL_VERIFICATION: {
        subject: () => 'Подтвердите email',
        body: (c) => `Добро пожаловать в Клуб молодых избирателей! Подтвердите адрес по ссылке: ${c.link}`,
        sms: () => 'Подтвердите ваш email',
      },
      WALK_IN_RECORDED: {
        subject: (c) => `Вас отметили на мероприятии: ${q(c.eventTitle)}`,
        body: (c) =>
          `Вас отметили на входе как участника мероприятия ${q(c.eventTitle)} (${c.checkedInWhen}). Если это были не вы, сообщите организаторам.`,
        sms: (c) => `Вас отметили: ${q(c.eventTitle)}, ${c.checkedInWhen}`,
      },
    },
  },
  en: {
    hello: (n) => `Hello, ${n}!`,
    venue: 'Venue',
    wheelchair: 'Wheelchair accessible.',
    signLanguage: 'Sign language interpretation provided.',
    qr: 'Your QR code for the door',
    unsubscribe: 'Unsubscribe from emails',
    kinds: {
      REGISTERED: {
        subject: (c) => `You are registered: ${q(c.eventTitle)}`,
        body: (c) => `You are registered for ${q(c.eventTitle)}. It starts on ${c.when}.`,
        sms: (c) => `Registered: ${q(c.eventTitle)}, ${c.when}`,
      },
      WAITLISTED: {
        subject: (c) => `Waiting list: ${q(c.eventTitle)}`,
        body: (c) =>
          `${q(c.eventTitle)} is full; you are number ${c.waitlistPosition} on the waiting list. We will tell you if a seat frees up.`,
        sms: (c) => `Waiting list #${c.waitlistPosition}: ${q(c.eventTitle)}`,
      },
      PROMOTED: {
        subject: (c) => `A seat for you: ${q(c.eventTitle)}`,
        body: (c) => `Good news: a seat freed up for you at ${q(c.eventTitle)}. It starts on ${c.when}.`,
        sms: (c) => `You have a seat: ${q(c.eventTitle)}, ${c.when}`,
      },
      REGISTRATION_CANCELLED: {
        subject: (c) => `Registration cancelled: ${q(c.eventTitle)}`,
        body: (c) => `Your registration for ${q(c.eventTitle)} (${c.when}) is cancelled.`,
        sms: (c) => `Registration cancelled: ${q(c.eventTitle)}`,
      },
      EVENT_CANCELLED: {
        subject: (c) => `Event cancelled: ${q(c.eventTitle)}`,
        body: (c) => `We are sorry: ${q(c.eventTitle)} (${c.when}) is cancelled. Reason: ${c.reason}.`,
        sms: (c) => `Cancelled: ${q(c.eventTitle)}, ${c.when}`,
      },
      EVENT_MOVED: {
        subject: (c) => `New time: ${q(c.eventTitle)}`,
        body: (c) => `${q(c.eventTitle)} has moved from ${c.previousWhen} to ${c.when}.`,
        sms: (c) => `New time: ${q(c.eventTitle)}, ${c.when}`,
      },
      REMINDER: {
        subject: (c) => `Reminder: ${q(c.eventTitle)}, ${c.when}`,
        body: (c) => `${q(c.eventTitle)} starts on ${c.when}. See you there!`,
        sms: (c) => `Reminder: ${q(c.eventTitle)}, ${c.when}`,
      },
      PASSWORD_RESET: {
        subject: () => 'Reset your password',
        body: (c) =>
          `Open this link to set a new password (valid for 1 hour, once): ${c.link}\nIf you did not ask for it, ignore this email.`,
        sms: () => 'A password reset link was sent to your email',
      },
      EMAIL_VERIFICATION: {
        subject: () => 'Confirm your email address',
        body: (c) => `Welcome to the Young Voters Club! Confirm your address with this link: ${c.link}`,
        sms: () => 'Confirm your email address',
      },
      WALK_IN_RECORDED: {
        subject: (c) => `You were checked in: ${q(c.eventTitle)}`,
        body: (c) =>
          `You were checked in at the door of ${q(c.eventTitle)} (${c.checkedInWhen}). If this was not you, please tell the organisers.`,
        sms: (c) => `Checked in: ${q(c.eventTitle)}, ${c.checkedInWhen}`,
      },
    },
  },
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Subject, plain text, HTML and SMS text of one notification in the member's language. */
export function renderMessage(kind: NotificationKind, c: MessageContext): RenderedMessage {
  const w = WORDS[c.locale];
  const k = w.kinds[kind];
  const lines = [w.hello(c.memberName), '', k.body(c)];
  const extra: string[] = [];
  if (c.venueName) extra.push(`${w.venue}: ${c.venueName}${c.venueAddress ? `, ${c.venueAddress}` : ''}`);
  if (c.wheelchairAccessible) extra.push(w.wheelchair);
  if (c.signLanguage) extra.push(w.signLanguage);
  if (c.qrUrl) extra.push(`${w.qr}: ${c.qrUrl}`);
  const text = [
    ...lines,
    ...(extra.length ? ['', ...extra] : []),
    ...(c.unsubscribeUrl ? ['', `${w.unsubscribe}: ${c.unsubscribeUrl}`] : []),
  ].join('\n');
  const para = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    para(w.hello(c.memberName)),
    para(k.body(c)),
    ...extra.map((e) =>
      c.qrUrl && e.endsWith(c.qrUrl)
        ? `<p><a href="${escapeHtml(c.qrUrl)}">${escapeHtml(w.qr)}</a></p>`
        : para(e),
    ),
    c.unsubscribeUrl
      ? `<p style="font-size:small"><a href="${escapeHtml(c.unsubscribeUrl)}">${escapeHtml(w.unsubscribe)}</a></p>`
      : '',
    '</body></html>',
  ].join('\n');
  return { subject: k.subject(c), text, html, sms: k.sms(c) };
}

/** The short title and body of an in-app notification, in the reader's language. */
export function renderInApp(kind: NotificationKind, c: MessageContext): { title: string; body: string } {
  const k = WORDS[c.locale].kinds[kind];
  return { title: k.subject(c), body: k.body(c) };
}
