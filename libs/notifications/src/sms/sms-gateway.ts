import { countSmsSegments, smsEncoding, SmsEncoding } from './sms-segments';

/**
 * Our one provider-neutral SMS contract (docs/sms-gateway.md): POST JSON to SMS_GATEWAY_URL with a
 * bearer token and an Idempotency-Key; 2xx `{ messageId }` is accepted, 4xx is permanent (but 408
 * and 429), 5xx, network failures and timeouts are transient.
 */

export interface SmsGatewayOptions {
  url: string;
  token: string;
  /** Whole request, body included. Default 10 s. */
  timeoutMs?: number;
}

export interface SmsSendRequest {
  /** E.164: +77011234567. */
  to: string;
  text: string;
  /** Our delivery id; sent as `reference` and as the Idempotency-Key. */
  reference: string;
}

/** The JSON body we POST. */
export interface SmsGatewayRequestBody {
  to: string;
  text: string;
  encoding: SmsEncoding;
  segments: number;
  reference: string;
}

/**
 * A failed send. `status` is the HTTP status, or 0 when there was none (network, timeout, refused
 * before sending). `reason` is short and fixed ('http-503', 'timeout', ...): it never holds the
 * phone number, the text or anything the provider wrote back, so it is safe to log and store.
 */
export abstract class SmsError extends Error {
  constructor(
    public readonly status: number,
    public readonly reason: string,
  ) {
    super(`SMS gateway: ${reason}`);
  }
}

/** Do not retry: the request itself is wrong (4xx other than 408/429, a bad recipient, a redirect). */
export class SmsPermanentError extends SmsError {
  override readonly name = 'SmsPermanentError';
}

/** Retry later (with the same reference). `retryAfterSeconds` is the gateway's Retry-After, if it sent one. */
export class SmsTransientError extends SmsError {
  override readonly name = 'SmsTransientError';
  constructor(
    status: number,
    reason: string,
    public readonly retryAfterSeconds?: number,
  ) {
    super(status, reason);
  }
}

const E164 = /^\+[1-9]\d{7,14}$/;
const REFERENCE = /^[\x21-\x7e]{1,200}$/;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export class SmsGatewayClient {
  private readonly url: string;
  private readonly token: string;
  private readonly timeoutMs: number;

  constructor(options: SmsGatewayOptions) {
    this.url = options.url;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send({ to, text, reference }: SmsSendRequest): Promise<{ messageId: string }> {
    if (!E164.test(to)) throw new SmsPermanentError(0, 'invalid-recipient');
    if (text.length === 0) throw new SmsPermanentError(0, 'empty-text');
    if (!REFERENCE.test(reference)) throw new SmsPermanentError(0, 'invalid-reference');

    const body: SmsGatewayRequestBody = {
      to,
      text,
      encoding: smsEncoding(text),
      segments: countSmsSegments(text),
      reference,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(this.url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${this.token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Idempotency-Key': reference,
          },
          body: JSON.stringify(body),
          // A redirect would mean a wrong URL; never resend the token somewhere else.
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch {
        throw controller.signal.aborted
          ? new SmsTransientError(0, 'timeout')
          : new SmsTransientError(0, 'network');
      }

      let raw: string;
      try {
        raw = await res.text();
      } catch {
        throw new SmsTransientError(res.status, controller.signal.aborted ? 'timeout' : 'network');
      }

      if (res.status >= 200 && res.status < 300) {
        const messageId = readMessageId(raw);
        // Accepted but unreadable: retrying with the same Idempotency-Key is safe by contract.
        if (!messageId) throw new SmsTransientError(res.status, 'bad-response');
        return { messageId };
      }
      const reason = `http-${res.status}`;
      if (res.status === 408 || res.status === 429 || res.status >= 500) {
        throw new SmsTransientError(res.status, reason, parseRetryAfter(res.headers.get('retry-after')));
      }
      throw new SmsPermanentError(res.status, reason);
    } finally {
      clearTimeout(timer);
    }
  }
}

function readMessageId(raw: string): string | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') {
      const id = (parsed as { messageId?: unknown }).messageId;
      if (typeof id === 'string' && id.length > 0 && id.length <= 200) return id;
      if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    }
  } catch {
    /* fall through */
  }
  return null;
}
