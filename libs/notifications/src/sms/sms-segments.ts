/**
 * How an SMS text is cut into segments (3GPP TS 23.038 / 23.040), the way phones and providers do.
 *
 * GSM-7: the default alphabet costs 1 septet a character, the extension table (^{}\[~]|€ and form
 * feed) 2 (an escape and the character); 160 septets fit one SMS, 153 each part of a concatenated one.
 * Anything else (Cyrillic, the Kazakh letters ӘҒҚҢӨҰҮҺІ, emoji) makes the whole message UCS-2:
 * 70 UTF-16 code units in one SMS, 67 in each part. A surrogate pair is never split.
 */

export type SmsEncoding = 'GSM7' | 'UCS2';

export interface SmsSplit {
  encoding: SmsEncoding;
  /** The parts as sent; `segments.join('')` is the text exactly. Empty text: no segments. */
  segments: string[];
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  GSM7: { single: 160, part: 153 },
  UCS2: { single: 70, part: 67 },
};

/** How far back (in characters) from a full segment's end a space may be used as the cut. */
const WORD_BREAK_WINDOW = 10;

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return 'UCS2';
  return 'GSM7';
}

/** The cost of one character (a code point) in septets (GSM-7) or UTF-16 code units (UCS-2). */
function cost(ch: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS2') return ch.length;
  return EXTENSION.has(ch) ? 2 : 1;
}

function cut(chars: string[], encoding: SmsEncoding, limit: number, atWords: boolean): string[] {
  const segments: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    while (end < chars.length && used + cost(chars[end], encoding) <= limit) {
      used += cost(chars[end], encoding);
      end += 1;
    }
    if (atWords && end < chars.length) {
      // End the part after the last space among its final characters, if there is one.
      for (let i = end - 1; i >= Math.max(start + 1, end - WORD_BREAK_WINDOW); i--) {
        if (chars[i] === ' ' || chars[i] === '\n') {
          end = i + 1;
          break;
        }
      }
    }
    segments.push(chars.slice(start, end).join(''));
    start = end;
  }
  return segments;
}

function usage(text: string, encoding: SmsEncoding): number {
  let used = 0;
  for (const ch of text) used += cost(ch, encoding);
  return used;
}

/**
 * Splits `text` into the parts a phone would send. Parts end at a space when one lies within the
 * last ~10 characters and doing so does not add a part (so the count is what the provider bills).
 */
export function splitSms(text: string): SmsSplit {
  const encoding = smsEncoding(text);
  if (text === '') return { encoding, segments: [] };
  const { single, part } = LIMITS[encoding];
  if (usage(text, encoding) <= single) return { encoding, segments: [text] };
  const chars = Array.from(text);
  const exact = cut(chars, encoding, part, false);
  const byWords = cut(chars, encoding, part, true);
  return { encoding, segments: byWords.length === exact.length ? byWords : exact };
}

/** How many SMS the text costs (0 for an empty text). */
export function countSmsSegments(text: string): number {
  return splitSms(text).segments.length;
}
