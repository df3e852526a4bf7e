import { ArgumentsHost, HttpException } from '@nestjs/common';
import { ErrorFilter } from './error.filter';

/** A plain HTTP route's request and reply, as far as the filter uses them. */
function http(url = '/check-in/x', lang = 'en') {
  const logged: unknown[] = [];
  const reply = {
    sent: false,
    status: 0,
    headers: {} as Record<string, string>,
    body: '',
    code(s: number) {
      this.status = s;
      return this;
    },
    header(k: string, v: string) {
      this.headers[k.toLowerCase()] = v;
      return this;
    },
    type(t: string) {
      return this.header('content-type', t);
    },
    send(b: string) {
      this.body = b;
      this.sent = true;
      return this;
    },
  };
  const req = {
    url,
    headers: { 'accept-language': lang, accept: 'application/json' },
    yvcLog: {
      error: (obj: unknown) => logged.push(obj),
      debug: (obj: unknown) => logged.push({ debug: obj }),
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { host, reply, logged };
}

describe('ErrorFilter (plain HTTP routes)', () => {
  it('answers an unexpected error as INTERNAL_SERVER_ERROR with a reference, logging no personal data', () => {
    const { host, reply, logged } = http();
    new ErrorFilter().catch(new Error('insert failed for aigerim@example.kz'), host);
    expect(reply.status).toBe(500);
    const { error } = JSON.parse(reply.body);
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(/^Something went wrong on our side\. Reference: [0-9a-f-]{36}\.$/);
    expect(error.message).not.toContain('aigerim');
    const [entry] = logged as Array<{ errorId: string; err: { message: string } }>;
    expect(error.message).toContain(entry.errorId);
    expect(entry.err.message).toBe('insert failed for [email]');
  });

  it('sends nothing and logs only at debug when the client closed the connection mid-answer', () => {
    const { host, reply, logged } = http('/assets/index.js');
    const closed = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    new ErrorFilter().catch(closed, host);
    expect(reply.sent).toBe(false);
    expect(logged).toEqual([{ debug: { url: '/assets/index.js' } }]);
  });

  it("answers Fastify's refusals of a body as BAD_USER_INPUT, in the caller's language", () => {
    for (const [status, reason] of [
      [400, 'INVALID_REQUEST_BODY'],
      [413, 'REQUEST_TOO_LARGE'],
      [415, 'INVALID_REQUEST_BODY'],
    ] as const) {
      const { host, reply } = http('/check-in/x', 'ru');
      new ErrorFilter().catch(new HttpException('Body is not valid JSON', status), host);
      expect(reply.status).toBe(status);
      const { error } = JSON.parse(reply.body);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', reason, fields: [] });
      expect(error.message).not.toContain('Body is not valid JSON');
    }
  });

  it('on /graphql the same refusal is a GraphQL answer that no cache keeps', () => {
    const { host, reply } = http('/graphql?x=1', 'kk');
    new ErrorFilter().catch(new HttpException('Unexpected end of JSON input', 400), host);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body).errors[0].extensions.reason).toBe('INVALID_REQUEST_BODY');
  });

  it('leaves GraphQL errors to the error presenter', () => {
    const err = new Error('x');
    const host = { getType: () => 'graphql' } as unknown as ArgumentsHost;
    expect(new ErrorFilter().catch(err, host)).toBe(err);
  });
});
