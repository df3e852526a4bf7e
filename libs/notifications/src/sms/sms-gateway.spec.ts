import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseRetryAfter, SmsGatewayClient, SmsPermanentError, SmsTransientError } from './sms-gateway';
import { SmsStub, startSmsStub } from './sms-stub-server';

const TOKEN = 'test-token-0123456789';
const TO = '+77011234567';
const TEXT = 'Ертең 10:00-де клуб кездесуі. Тараз.';

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('SmsGatewayClient against the stub gateway', () => {
  let stub: SmsStub;
  let client: SmsGatewayClient;

  beforeEach(async () => {
    stub = await startSmsStub({ token: TOKEN });
    client = new SmsGatewayClient({ url: stub.url, token: TOKEN, timeoutMs: 2000 });
  });
  afterEach(() => stub.close());

  it('sends and gets a message id; the stub records what it accepted', async () => {
    await expect(client.send({ to: TO, text: TEXT, reference: 'd-1' })).resolves.toEqual({
      messageId: 'stub-1',
    });
    expect(stub.received).toHaveLength(1);
    expect(stub.received[0]).toMatchObject({
      to: TO,
      text: TEXT,
      encoding: 'UCS2',
      segments: 1,
      reference: 'd-1',
      idempotencyKey: 'd-1',
    });
    expect(stub.received[0].at).toBeInstanceOf(Date);

    const res = await fetch(stub.url.replace(/\/sms$/, '/messages'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([expect.objectContaining({ to: TO, text: TEXT, messageId: 'stub-1' })]);
  });

  it('reports encoding and segment count in the request', async () => {
    await client.send({ to: TO, text: 'a'.repeat(161), reference: 'd-long' });
    expect(stub.received[0]).toMatchObject({ encoding: 'GSM7', segments: 2 });
  });

  it('treats a 500 as transient and succeeds on the next call', async () => {
    stub.setScript([500]);
    const err = await failure(client.send({ to: TO, text: TEXT, reference: 'd-2' }));
    expect(err).toBeInstanceOf(SmsTransientError);
    expect(err).toMatchObject({ status: 500, reason: 'http-500' });
    expect(stub.received).toHaveLength(0);
    await expect(client.send({ to: TO, text: TEXT, reference: 'd-2' })).resolves.toEqual({
      messageId: 'stub-1',
    });
    expect(stub.received).toHaveLength(1);
  });

  it('treats a 400 as permanent', async () => {
    stub.setScript([400]);
    const err = await failure(client.send({ to: TO, text: TEXT, reference: 'd-3' }));
    expect(err).toBeInstanceOf(SmsPermanentError);
    expect(err).toMatchObject({ status: 400, reason: 'http-400' });
  });

  it('treats 408 and 429 as transient and returns Retry-After', async () => {
    stub.setScript([{ status: 429, retryAfter: 30 }, 429, 408, 503]);
    const limited = await failure(client.send({ to: TO, text: TEXT, reference: 'd-4' }));
    expect(limited).toBeInstanceOf(SmsTransientError);
    expect(limited).toMatchObject({ status: 429, reason: 'http-429', retryAfterSeconds: 30 });
    const noHeader = await failure(client.send({ to: TO, text: TEXT, reference: 'd-4' }));
    expect(noHeader).toMatchObject({ status: 429, retryAfterSeconds: undefined });
    await expect(failure(client.send({ to: TO, text: TEXT, reference: 'd-4' }))).resolves.toBeInstanceOf(
      SmsTransientError,
    );
    await expect(failure(client.send({ to: TO, text: TEXT, reference: 'd-4' }))).resolves.toBeInstanceOf(
      SmsTransientError,
    );
  });

  it('treats a wrong token (401) as permanent', async () => {
    const wrong = new SmsGatewayClient({ url: stub.url, token: 'wrong', timeoutMs: 2000 });
    const err = await failure(wrong.send({ to: TO, text: TEXT, reference: 'd-5' }));
    expect(err).toBeInstanceOf(SmsPermanentError);
    expect(err).toMatchObject({ status: 401, reason: 'http-401' });
    expect(stub.received).toHaveLength(0);
  });

  it('treats a timeout as transient', async () => {
    stub.setScript([{ status: 200, delayMs: 1000 }]);
    const quick = new SmsGatewayClient({ url: stub.url, token: TOKEN, timeoutMs: 100 });
    const err = await failure(quick.send({ to: TO, text: TEXT, reference: 'd-6' }));
    expect(err).toBeInstanceOf(SmsTransientError);
    expect(err).toMatchObject({ status: 0, reason: 'timeout' });
  });

  it('retries safely after a timeout: the late acceptance and the retry are one message', async () => {
    stub.setScript([{ status: 200, delayMs: 300 }]);
    const quick = new SmsGatewayClient({ url: stub.url, token: TOKEN, timeoutMs: 100 });
    await expect(failure(quick.send({ to: TO, text: TEXT, reference: 'd-late' }))).resolves.toMatchObject({
      reason: 'timeout',
    });
    await new Promise((r) => setTimeout(r, 400));
    await expect(client.send({ to: TO, text: TEXT, reference: 'd-late' })).resolves.toEqual({
      messageId: 'stub-1',
    });
    expect(stub.received).toHaveLength(1);
  });

  it('follows a script given at start; a 401 does not use up a step', async () => {
    await stub.close();
    stub = await startSmsStub({ token: TOKEN, script: [500, 500, 500] });
    const c = new SmsGatewayClient({ url: stub.url, token: TOKEN });
    const wrong = new SmsGatewayClient({ url: stub.url, token: 'nope' });
    await expect(failure(wrong.send({ to: TO, text: TEXT, reference: 's-1' }))).resolves.toMatchObject({
      status: 401,
    });
    for (let i = 0; i < 3; i++) {
      await expect(failure(c.send({ to: TO, text: TEXT, reference: 's-1' }))).resolves.toMatchObject({
        status: 500,
      });
    }
    await expect(c.send({ to: TO, text: TEXT, reference: 's-1' })).resolves.toEqual({ messageId: 'stub-1' });
  });

  it('stub: refuses a POST without an Idempotency-Key', async () => {
    const res = await fetch(stub.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: TO, text: TEXT }),
    });
    expect(res.status).toBe(400);
    expect(stub.received).toHaveLength(0);
  });

  it('treats a refused connection as transient', async () => {
    const port = stub.port;
    await stub.close();
    const err = await failure(
      new SmsGatewayClient({ url: `http://127.0.0.1:${port}/sms`, token: TOKEN }).send({
        to: TO,
        text: TEXT,
        reference: 'd-7',
      }),
    );
    expect(err).toBeInstanceOf(SmsTransientError);
    expect(err).toMatchObject({ status: 0, reason: 'network' });
    stub = await startSmsStub({ token: TOKEN }); // for afterEach
  });

  it('is idempotent per reference: a repeat returns the same id and is recorded once', async () => {
    const first = await client.send({ to: TO, text: TEXT, reference: 'd-8' });
    const again = await client.send({ to: TO, text: TEXT, reference: 'd-8' });
    const other = await client.send({ to: TO, text: TEXT, reference: 'd-9' });
    expect(again).toEqual(first);
    expect(other.messageId).not.toBe(first.messageId);
    expect(stub.received.map((m) => m.reference)).toEqual(['d-8', 'd-9']);
  });

  it('refuses a bad recipient or an empty text without calling the gateway', async () => {
    await expect(
      failure(client.send({ to: '87011234567', text: TEXT, reference: 'd-10' })),
    ).resolves.toMatchObject({
      name: 'SmsPermanentError',
      status: 0,
      reason: 'invalid-recipient',
    });
    await expect(failure(client.send({ to: TO, text: '', reference: 'd-11' }))).resolves.toMatchObject({
      reason: 'empty-text',
    });
    expect(stub.received).toHaveLength(0);
  });

  it('never puts the phone number or the text into an error', async () => {
    stub.setScript([400, 500]);
    for (const err of [
      await failure(client.send({ to: TO, text: TEXT, reference: 'd-12' })),
      await failure(client.send({ to: TO, text: TEXT, reference: 'd-12' })),
    ]) {
      const seen = `${err.message} ${(err as SmsPermanentError).reason} ${JSON.stringify(err)} ${err.stack}`;
      expect(seen).not.toContain('7011234567');
      expect(seen).not.toContain('Ертең');
    }
  });
});

describe('SmsGatewayClient with an odd gateway', () => {
  let server: Server;
  let url: string;
  let answer: (res: import('node:http').ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const send = () =>
    new SmsGatewayClient({ url, token: TOKEN }).send({ to: TO, text: 'hi', reference: 'r-1' });

  it('treats a 2xx without a message id as transient (safe to retry with the same key)', async () => {
    answer = (res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
    await expect(failure(send())).resolves.toMatchObject({
      name: 'SmsTransientError',
      reason: 'bad-response',
    });
  });

  it('does not follow a redirect (permanent: the URL is wrong)', async () => {
    answer = (res) => res.writeHead(307, { Location: 'http://example.invalid/' }).end();
    await expect(failure(send())).resolves.toMatchObject({ name: 'SmsPermanentError', status: 307 });
  });

  it('reads a Retry-After date', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    answer = (res) => res.writeHead(429, { 'Retry-After': at }).end();
    const err = (await failure(send())) as SmsTransientError;
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(120);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and dates, ignores junk', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z'))).toBe(60);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T08:00:00Z'))).toBe(0);
  });
});
