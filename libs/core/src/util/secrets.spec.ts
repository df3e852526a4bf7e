import { randomBytes } from 'node:crypto';
import {
  blindIndex,
  decryptField,
  encryptField,
  maskEmail,
  maskTail,
  randomToken,
  sha256Hex,
} from './secrets';

const KEY = randomBytes(32).toString('base64');

/** Flips one bit of the byte at `index` of a base64 blob. */
function flipBit(sealed: string, index: number): string {
  const raw = Buffer.from(sealed, 'base64');
  raw[index] ^= 0x01;
  return raw.toString('base64');
}

describe('encryptField / decryptField', () => {
  it.each(['990115300426', 'Әсем Құдайбергенова: ҒғҚқҢңӨөҰұҮүҺһІі', '😀 emoji', ''])(
    'round-trips %j',
    (plain) => {
      expect(decryptField(encryptField(plain, KEY), KEY)).toBe(plain);
    },
  );

  it('lays out iv(12) | tag(16) | ciphertext and does not contain the plain text', () => {
    const sealed = encryptField('990115300426', KEY);
    expect(Buffer.from(sealed, 'base64')).toHaveLength(12 + 16 + 12);
    expect(sealed).not.toContain('990115300426');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('990115300426');
  });

  it('gives a different ciphertext every time', () => {
    const a = encryptField('990115300426', KEY);
    const b = encryptField('990115300426', KEY);
    expect(a).not.toBe(b);
    expect(decryptField(a, KEY)).toBe(decryptField(b, KEY));
  });

  it.each([
    [0, 'the iv'],
    [12, 'the tag'],
    [30, 'the ciphertext'],
  ])('fails when byte %i (%s) is tampered with', (index) => {
    const sealed = encryptField('990115300426', KEY);
    expect(() => decryptField(flipBit(sealed, index), KEY)).toThrow();
  });

  it('fails with another key', () => {
    const sealed = encryptField('990115300426', KEY);
    expect(() => decryptField(sealed, randomBytes(32).toString('base64'))).toThrow();
  });

  it('fails on a truncated value', () => {
    const sealed = encryptField('990115300426', KEY);
    const raw = Buffer.from(sealed, 'base64');
    expect(() => decryptField(raw.subarray(0, raw.length - 1).toString('base64'), KEY)).toThrow();
  });
});

describe('blindIndex', () => {
  it('is HMAC-SHA256 in hex (RFC 4231, test case 2)', () => {
    expect(blindIndex('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('is deterministic', () => {
    expect(blindIndex('990115300426', 'key-one-0123456789')).toBe(
      blindIndex('990115300426', 'key-one-0123456789'),
    );
  });

  it('depends on the key and on the value', () => {
    const base = blindIndex('990115300426', 'key-one-0123456789');
    expect(blindIndex('990115300426', 'key-two-0123456789')).not.toBe(base);
    expect(blindIndex('990115300427', 'key-one-0123456789')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sha256Hex and randomToken', () => {
  it('hashes with SHA-256 (FIPS 180-2 "abc" vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes unguessable base64url tokens of the given size', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(token);
    expect(Buffer.from(randomToken(16), 'base64url')).toHaveLength(16);
  });
});

describe('maskEmail', () => {
  it.each([
    ['aigerim@mail.kz', 'a***m@mail.kz'],
    ['ab@mail.kz', 'a***b@mail.kz'],
    ['a@mail.kz', 'a***@mail.kz'],
    ['әсел@пошта.kz', 'ә***л@пошта.kz'],
    ['no-at-sign', '***'],
    ['', '***'],
  ])('masks %j as %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('maskTail', () => {
  it.each([
    ['990115300426', undefined, '********0426'],
    ['990115300426', 2, '**********26'],
    ['1234', 4, '1234'],
    ['12', 4, '12'],
    ['', 4, ''],
  ])('masks %j (visible %p) as %j', (value, visible, masked) => {
    expect(maskTail(value, visible)).toBe(masked);
  });
});
