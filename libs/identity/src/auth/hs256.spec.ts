import { createHmac, createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Hs256Verifier, verifyHs256 } from './hs256';

const SECRET = 'a-test-secret-of-some-length-0123456789';
const KEY = createSecretKey(Buffer.from(SECRET));
const NOW = 1_800_000_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const signed = (header: unknown, claims: unknown, secret = SECRET) => {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
};
const claims = { sub: 'm1', sid: 's1', role: 'MEMBER', iss: 'yvc', iat: NOW - 10, exp: NOW + 900 };

describe('verifyHs256', () => {
  it('accepts a token signed as the API signs them (JwtService, HS256, issuer yvc), and returns its claims', () => {
    const jwt = new JwtService({ signOptions: { algorithm: 'HS256', issuer: 'yvc' } });
    const token = jwt.sign({ sub: 'm1', sid: 's1', role: 'MEMBER' }, { secret: SECRET, expiresIn: 900 });
    expect(verifyHs256(token, KEY, 'yvc')).toMatchObject({
      sub: 'm1',
      sid: 's1',
      role: 'MEMBER',
      iss: 'yvc',
    });
    expect(verifyHs256(signed({ alg: 'HS256', typ: 'JWT' }, claims), KEY, 'yvc', NOW)).toEqual(claims);
  });

  it.each([
    ['another secret', signed({ alg: 'HS256' }, claims, 'another-secret')],
    ['alg none, no signature', `${b64({ alg: 'none' })}.${b64(claims)}.`],
    ['alg HS512', signed({ alg: 'HS512' }, claims)],
    ['another issuer', signed({ alg: 'HS256' }, { ...claims, iss: 'someone' })],
    ['no issuer', signed({ alg: 'HS256' }, { ...claims, iss: undefined })],
    ['expired (exp = now)', signed({ alg: 'HS256' }, { ...claims, exp: NOW })],
    ['exp not a number', signed({ alg: 'HS256' }, { ...claims, exp: String(NOW + 900) })],
    ['not yet valid', signed({ alg: 'HS256' }, { ...claims, nbf: NOW + 60 })],
    ['payload not an object', signed({ alg: 'HS256' }, [claims])],
    ['two parts', `${b64({ alg: 'HS256' })}.${b64(claims)}`],
    ['four parts', `${signed({ alg: 'HS256' }, claims)}.x`],
    ['garbage', 'not.a.token'],
    ['empty', ''],
  ])('refuses %s', (_, token) => {
    expect(verifyHs256(token, KEY, 'yvc', NOW)).toBeNull();
  });

  it('refuses a token whose payload was changed after signing', () => {
    const [h, , s] = signed({ alg: 'HS256' }, claims).split('.');
    expect(verifyHs256(`${h}.${b64({ ...claims, role: 'ADMIN' })}.${s}`, KEY, 'yvc', NOW)).toBeNull();
  });
});

describe('Hs256Verifier', () => {
  const token = signed({ alg: 'HS256' }, claims);

  it('checks the signature once per token and the time on every use', () => {
    const v = new Hs256Verifier(KEY, 'yvc');
    expect(v.verify(token, NOW)).toEqual(claims);
    expect(v.size).toBe(1);
    const again = v.verify(token, NOW + 1);
    expect(again).toEqual(claims);
    expect(Object.isFrozen(again)).toBe(true);
    // expired later: refused, and forgotten
    expect(v.verify(token, claims.exp)).toBeNull();
    expect(v.size).toBe(0);
    // a token not yet valid is refused and not remembered
    expect(v.verify(signed({ alg: 'HS256' }, { ...claims, nbf: NOW + 60 }), NOW)).toBeNull();
    expect(v.size).toBe(0);
  });

  it('remembers only tokens that passed: a tampered copy of a remembered token is still refused', () => {
    const v = new Hs256Verifier(KEY, 'yvc');
    expect(v.verify(token, NOW)).not.toBeNull();
    const [h, p] = token.split('.');
    const otherSig = createHmac('sha256', 'another-secret').update(`${h}.${p}`).digest('base64url');
    expect(v.verify(`${h}.${p}.${otherSig}`, NOW)).toBeNull();
    const raised = `${h}.${b64({ ...claims, role: 'ADMIN' })}.${token.split('.')[2]}`;
    expect(v.verify(raised, NOW)).toBeNull();
    for (let i = 0; i < 50; i++) expect(v.verify(`garbage.${i}.x`, NOW)).toBeNull();
    expect(v.size).toBe(1);
  });

  it('holds at most `max` tokens, forgetting the oldest first', () => {
    const v = new Hs256Verifier(KEY, 'yvc', 3);
    const tokens = [1, 2, 3, 4].map((i) => signed({ alg: 'HS256' }, { ...claims, sid: `s${i}` }));
    tokens.forEach((t) => expect(v.verify(t, NOW)).not.toBeNull());
    expect(v.size).toBe(3);
    // the first was forgotten, so it is verified (and remembered) again, still valid
    expect(v.verify(tokens[0], NOW)).toMatchObject({ sid: 's1' });
    expect(v.size).toBe(3);
  });
});
