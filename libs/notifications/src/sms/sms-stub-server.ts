import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local SMS gateway speaking our contract (docs/sms-gateway.md), for `npm start` and tests.
 * POST /sms sends (bearer token checked, Idempotency-Key deduplicated); GET /messages lists what it
 * accepted. It listens on 127.0.0.1 only.
 */

/** The development token (the config default of SMS_GATEWAY_TOKEN). */
export const SMS_STUB_TOKEN = 'dev-sms-token';

/** One scripted answer: a status, or a status with a Retry-After and/or a delay before answering. */
export type SmsStubStep = number | { status: number; retryAfter?: number; delayMs?: number };

export interface SmsStubMessage {
  to: string;
  text: string;
  encoding: string;
  segments: number;
  reference: string;
  idempotencyKey: string;
  messageId: string;
  at: Date;
}

export interface SmsStubOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
  /** Answers for the next POSTs in order (e.g. [500, 500]); once used up, every POST gets 200. */
  script?: SmsStubStep[];
}

export interface SmsStub {
  /** The URL to POST to (SMS_GATEWAY_URL). */
  url: string;
  port: number;
  /** Accepted messages, oldest first (a live array). */
  received: SmsStubMessage[];
  /** Every authorised POST's Idempotency-Key, copies included (what a gateway would drop), oldest first. */
  requests: string[];
  setScript(steps: SmsStubStep[]): void;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

export async function startSmsStub(options: SmsStubOptions = {}): Promise<SmsStub> {
  const token = options.token ?? SMS_STUB_TOKEN;
  let script: SmsStubStep[] = [...(options.script ?? [])];
  const received: SmsStubMessage[] = [];
  const requests: string[] = [];
  const byKey = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handlePost = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { error: 'unauthorized' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return json(res, 400, { error: 'missing-idempotency-key' });
    requests.push(key);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(res, 400, { error: 'invalid-json' });
    }
    if (!body || typeof body.to !== 'string' || typeof body.text !== 'string' || body.text === '') {
      return json(res, 400, { error: 'invalid-body' });
    }
    const known = byKey.get(key);
    if (known) return json(res, 200, { messageId: known });

    const step = script.shift() ?? 200;
    const { status, retryAfter, delayMs } = typeof step === 'number' ? { status: step } : step;
    const answer = () => {
      if (status < 200 || status >= 300) {
        const headers: Record<string, string> =
          retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
        return json(res, status, { error: 'scripted' }, headers);
      }
      // A concurrent request with the same key may have been accepted while this one waited.
      let messageId = byKey.get(key);
      if (!messageId) {
        counter += 1;
        messageId = `stub-${counter}`;
        byKey.set(key, messageId);
        received.push({
          to: body.to as string,
          text: body.text as string,
          encoding: String(body.encoding),
          segments: Number(body.segments),
          reference: String(body.reference),
          idempotencyKey: key,
          messageId,
          at: new Date(),
        });
      }
      json(res, status, { messageId });
    };
    if (!delayMs) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delayMs);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/messages') return json(res, 200, received);
    if (req.method !== 'POST' || path !== '/sms') return json(res, 404, { error: 'not-found' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        json(res, 413, { error: 'too-large' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => handlePost(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/sms`,
    port,
    received,
    requests,
    setScript(steps) {
      script = [...steps];
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
