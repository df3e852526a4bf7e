import { SigningKeys, addNewKey, loadKeys } from '@yvc/credentials';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { TestApi } from './helpers/test-api';

describe('credential signing keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('publishes the public keys as a JWKS, and what we sign verifies against it alone', async () => {
    const res = await api.http.get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.body.keys.length).toBeGreaterThanOrEqual(1);
    for (const k of res.body.keys) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(k.d).toBeUndefined(); // never the private part
    }
    const jws = await api.app.get(SigningKeys).sign({ sub: 'test', iss: 'yvc' });
    const { payload, protectedHeader } = await jwtVerify(jws, createLocalJWKSet(res.body), {
      algorithms: ['EdDSA'],
    });
    expect(payload.sub).toBe('test');
    expect(res.body.keys.map((k: { kid: string }) => k.kid)).toContain(protectedHeader.kid);
    expect(await api.app.get(SigningKeys).verify(jws)).toMatchObject({ sub: 'test' });
    // change one character well inside the signature (the last one carries padding bits)
    const i = jws.length - 10;
    const tampered = `${jws.slice(0, i)}${jws[i] === 'A' ? 'B' : 'A'}${jws.slice(i + 1)}`;
    expect(await api.app.get(SigningKeys).verify(tampered)).toBeNull();
  });

  it('rotation keeps old keys published, so old credentials still verify', async () => {
    const first = await addNewKey(null);
    const second = await addNewKey(first);
    expect(second.keys).toHaveLength(2);
    expect(second.active).not.toBe(first.active);
    const before = await loadKeys(first);
    const after = await loadKeys(second);
    const { SignJWT } = await import('jose');
    const old = await new SignJWT({ n: 1 })
      .setProtectedHeader({ alg: 'EdDSA', kid: before.active.kid })
      .sign(before.active.privateKey);
    const { payload } = await jwtVerify(old, createLocalJWKSet(after.publicJwks));
    expect(payload.n).toBe(1);
  });
});
