import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
  private readonly target: URL;
  private readonly token: string;
  private readonly timeoutMs: number;
  /** connections kept open between sends */
  private readonly agent: HttpAgent;

  constructor(options: SmsGatewayOptions) {
    this.target = new URL(options.url);
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent =
      this.target.protocol === 'https:'
        ? new HttpsAgent({ keepAlive: true, scheduling: 'lifo' })
        : new HttpAgent({ keepAlive: true, scheduling: 'lifo' });
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
    let res: { status: number; retryAfter: string | null; raw: string };
    try {
      res = await this.post(JSON.stringify(body), reference);
    } catch (err) {
      throw new SmsTransientError(0, (err as Error).message === 'timeout' ? 'timeout' : 'network');
    }
    if (res.status >= 200 && res.status < 300) {
      const messageId = readMessageId(res.raw);
      // Accepted but unreadable: retrying with the same Idempotency-Key is safe by contract.
      if (!messageId) throw new SmsTransientError(res.status, 'bad-response');
      return { messageId };
    }
    const reason = `http-${res.status}`;
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      throw new SmsTransientError(res.status, reason, parseRetryAfter(res.retryAfter));
    }
    // a redirect is not followed (a wrong URL; the token never goes anywhere else): permanent
    throw new SmsPermanentError(res.status, reason);
  }

  /**
   * One POST over a kept-alive connection (node:http, not fetch: fetch's streams and abort signals
   * cost several times the request itself at a few thousand SMS a second). Rejects with 'timeout'
   * when the whole exchange, body included, takes longer than the timeout.
   */
  private post(
    payload: string,
    idempotencyKey: string,
  ): Promise<{ status: number; retryAfter: string | null; raw: string }> {
    return new Promise((resolve, reject) => {
      const req = (this.target.protocol === 'https:' ? httpsRequest : httpRequest)(this.target, {
        method: 'POST',
        agent: this.agent,
        headers: {
          Authorization: `Bearer ${this.token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': idempotencyKey,
          'Content-Length': Buffer.byteLength(payload),
        },
      });
      const timer = setTimeout(() => req.destroy(new Error('timeout')), this.timeoutMs);
      req.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.once('response', (incoming) => {
        incoming.setEncoding('utf8');
        let raw = '';
        incoming.on('data', (chunk: string) => (raw += chunk));
        incoming.once('error', () => undefined); // the request's error (destroyed) rejects
        incoming.once('end', () => {
          clearTimeout(timer);
          const retryAfter = incoming.headers['retry-after'];
          resolve({ status: incoming.statusCode ?? 0, retryAfter: retryAfter ?? null, raw });
        });
      });
      req.end(payload);
    });
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
